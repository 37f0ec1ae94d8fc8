/**
 * Meetings: scheduling under the classification's policy, unguessable ids, passcodes shown once and stored as
 * PBKDF2 hashes, invitations (iCalendar, never with the passcode), co-hosts, registrations and their approval.
 */
package org.conclave.meeting;
