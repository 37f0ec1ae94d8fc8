/**
 * What a compliance report states: the control catalog it assesses against (ISO/IEC 27002:2022 controls and
 * ISO/IEC 27010 clauses, versioned by the hash of the files shipped), the status rule, and the already aggregated
 * figures each report is filled with. Plain Java records, no container needed.
 */
package org.conclave.compliance.entity;
