package org.conclave.compliance.control;

/** A report could not be rendered: a template failed to fill or export, or the output could not be written. */
public class ReportRenderingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReportRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
