package org.conclave.compliance.control;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a rendered PDF back with Apache PDFBox. */
record PdfText(int pages, String text, List<String> fontsNotEmbedded) {

    static PdfText read(byte[] pdf) throws IOException {
        return read(pdf, 1, Integer.MAX_VALUE);
    }

    /** The text of pages {@code from} to {@code to} (1-based), with the fonts of those pages. */
    static PdfText read(byte[] pdf, int from, int to) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setStartPage(from);
            stripper.setEndPage(to);
            List<String> notEmbedded = new ArrayList<>();
            for (int i = from; i <= Math.min(to, document.getNumberOfPages()); i++) {
                PDPage page = document.getPage(i - 1);
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    if (!font.isEmbedded()) {
                        notEmbedded.add(font.getName());
                    }
                }
            }
            return new PdfText(document.getNumberOfPages(), stripper.getText(document), notEmbedded);
        }
    }
}
