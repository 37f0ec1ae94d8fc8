/**
 * Compliance reports: JasperReports templates (compiled at build time) and the services that fill them with
 * evidence mapped to ISO/IEC 27002:2022 controls and ISO/IEC 27010 clauses.
 */
package org.conclave.compliance;
