/**
 * Admission: the checks between a signed-in person and a meeting (visibility, join window, bans, registration,
 * organisation, second factor, passcode with throttling, lock, host presence, waiting room), the short-lived signed
 * join token for the video platform (Jitsi Meet first), its renewal, and the host's controls during the meeting.
 */
package org.conclave.admission;
