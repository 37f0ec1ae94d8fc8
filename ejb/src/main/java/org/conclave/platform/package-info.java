/**
 * What every capability stands on: database migrations, the clock, configuration, and the problem types
 * (RFC 9457) that every refusal is answered with.
 */
package org.conclave.platform;
