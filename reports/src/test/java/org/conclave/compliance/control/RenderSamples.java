package org.conclave.compliance.control;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the sample reports to target/samples for a person to look at (run from the IDE or with exec:java). */
final class RenderSamples {

    public static void main(String[] args) throws IOException {
        Path folder = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/samples"));
        PdfReports pdf = new PdfReports(Samples.CATALOG);
        try (OutputStream out = Files.newOutputStream(folder.resolve("compliance-pack.pdf"))) {
            System.out.println(pdf.compliancePack(Samples.pack(Samples.intact()), out));
        }
        try (OutputStream out = Files.newOutputStream(folder.resolve("compliance-pack-broken.pdf"))) {
            System.out.println(pdf.compliancePack(Samples.pack(Samples.broken()), out));
        }
        try (OutputStream out = Files.newOutputStream(folder.resolve("sharing-report.pdf"))) {
            System.out.println(pdf.sharingReport(Samples.sharing(), out));
        }
        try (OutputStream out = Files.newOutputStream(folder.resolve("meeting-dossier.pdf"))) {
            System.out.println(pdf.meetingDossier(Samples.dossier(), Samples.timeline(300), out));
        }
    }
}
