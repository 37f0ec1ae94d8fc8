package org.conclave.compliance.control;

/**
 * What rendering a report produced, for the service layer to record in the audit chain.
 *
 * @param dataSha256 the SHA-256 printed on the report, over the data it renders
 * @param pages the number of pages of the PDF
 */
public record Rendition(String dataSha256, int pages) {}
