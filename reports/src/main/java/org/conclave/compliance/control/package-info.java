/**
 * Renders the compliance reports: {@link org.conclave.compliance.control.PdfReports} fills the JasperReports
 * templates compiled at build time and exports PDF (DejaVu fonts embedded, long reports swapped to disk);
 * {@link org.conclave.compliance.control.CsvReports} writes the same rows as RFC 4180 CSV with spreadsheet formulas
 * neutralised. Both print from one worded view of the data, so the two formats always agree.
 */
package org.conclave.compliance.control;
