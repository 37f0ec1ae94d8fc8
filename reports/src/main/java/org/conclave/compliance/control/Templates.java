package org.conclave.compliance.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRLoader;

/** The report templates, compiled at build time to {@code org/conclave/compliance/templates/*.jasper}. */
enum Templates {
    COMPLIANCE_PACK("compliance-pack"),
    CONTROL_MATRIX("compliance-pack-matrix"),
    CONTROL_EVIDENCE("compliance-pack-evidence"),
    SHARING_REPORT("sharing-report"),
    MEETING_DOSSIER("meeting-dossier");

    private static final String FOLDER = "/org/conclave/compliance/templates/";

    private final String name;
    private volatile JasperReport compiled;

    Templates(String name) {
        this.name = name;
    }

    /** The compiled template, loaded once: a compiled report can fill any number of reports at once. */
    JasperReport report() {
        JasperReport report = compiled;
        if (report == null) {
            report = load();
            compiled = report;
        }
        return report;
    }

    private JasperReport load() {
        String path = FOLDER + name + ".jasper";
        try (InputStream in = Templates.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the compiled template " + path + " is not on the class path");
            }
            return (JasperReport) JRLoader.loadObject(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JRException e) {
            throw new IllegalStateException("the compiled template " + path + " cannot be read", e);
        }
    }
}
