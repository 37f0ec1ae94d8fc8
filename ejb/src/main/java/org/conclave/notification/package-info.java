/**
 * Mail to invitees and participants: invitations with their calendar file, updates, cancellations, registration
 * outcomes, recording notices, and the passcode in a message of its own (never with the link, and only where the
 * policy allows mail). Messages are composed in the recipient's language, written to an outbox in the transaction of
 * the action that caused them, and delivered afterwards with retries; every delivery and final failure is audited.
 */
package org.conclave.notification;
