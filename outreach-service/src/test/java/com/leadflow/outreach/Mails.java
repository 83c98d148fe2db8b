package com.leadflow.outreach;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reading received emails and PDFs back, as the visitor's mail program and PDF reader would. */
public final class Mails {

    private Mails() {
    }

    /** The text of every text/plain and text/html part, and the subject. */
    public static String allText(MimeMessage message) throws Exception {
        List<String> texts = new ArrayList<>();
        texts.add(message.getSubject());
        collect(message, texts, new ArrayList<>());
        return String.join("\n", texts);
    }

    /** The bytes of every PDF attached. */
    public static List<byte[]> pdfs(MimeMessage message) throws Exception {
        List<byte[]> pdfs = new ArrayList<>();
        collect(message, new ArrayList<>(), pdfs);
        return pdfs;
    }

    public static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static void collect(Part part, List<String> texts, List<byte[]> pdfs) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, texts, pdfs);
            }
        } else if (part.isMimeType("application/pdf")) {
            try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                in.transferTo(out);
                pdfs.add(out.toByteArray());
            }
        } else if (part.isMimeType("text/*")) {
            texts.add(String.valueOf(part.getContent()));
        }
    }
}
