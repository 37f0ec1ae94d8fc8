/**
 * The audit log: every governed decision appended in the same transaction as the decision, sealed shortly after
 * commit into one SHA-256 hash chain (gap-free sequence numbers), anchored by Ed25519-signed checkpoints kept in the
 * database and in a file outside it, verifiable online and offline. The encoding is specified in
 * {@code docs/audit-chain.md}.
 */
package org.conclave.audit;
