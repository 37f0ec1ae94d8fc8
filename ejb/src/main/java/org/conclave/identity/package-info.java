/**
 * Who is calling: Keycloak access tokens verified locally (cached JWKS), the {@code Caller} they describe
 * (subject, username, organisation, roles, authentication methods), and Keycloak administration.
 */
package org.conclave.identity;
