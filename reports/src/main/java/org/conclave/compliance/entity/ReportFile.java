package org.conclave.compliance.entity;

import java.nio.file.Path;

/** An issued report's file, ready to be streamed. */
public record ReportFile(Path path, String contentType, String fileName) {}
