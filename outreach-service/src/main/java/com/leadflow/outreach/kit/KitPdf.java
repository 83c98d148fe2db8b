package com.leadflow.outreach.kit;

import com.leadflow.outreach.config.OutreachProperties;
import com.leadflow.outreach.recipient.Recipient;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;

/**
 * The info kit as a PDF made for one visitor: in their language, about the procedure and the
 * condition they named, with the free review, the insurance check and the phone number. Only the
 * first name is personal; nothing from the visitor's own description or insurance is printed.
 */
public class KitPdf {

    private static final Color BRAND = new Color(11, 79, 113);

    private final OutreachProperties.Practice practice;

    public KitPdf(OutreachProperties.Practice practice) {
        this.practice = practice;
    }

    public byte[] render(Recipient to) {
        KitContent words = new KitContent(to.locale());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.LETTER, 60, 60, 56, 56);
        PdfWriter.getInstance(document, out);
        String procedure = words.procedureName(to.procedure());
        document.addTitle(words.text("title") + ": " + procedure);
        document.addAuthor(practice.name());
        document.open();

        document.add(paragraph(practice.name(), font(12, Font.BOLD, BRAND), 4));
        document.add(paragraph(words.text("title") + ": " + procedure, font(22, Font.BOLD, BRAND), 4));
        document.add(paragraph(words.text("prepared-for", to.firstName()), font(12, Font.ITALIC, Color.DARK_GRAY), 14));
        document.add(body(words.text("intro")));

        section(document, words.text("section.procedure") + ": " + procedure, words.procedureText(to.procedure()));
        words.conditionText(to.condition()).ifPresent(text -> section(document, words.text("section.condition"), text));
        section(document, words.text("section.candidate"), words.text("candidate.body"));
        section(document, words.text("section.preparing"), words.text("preparing.body"));
        section(document, words.text("section.recovery"), words.text("recovery.body"));
        section(document, words.text("section.free"), words.text("free.body"));
        section(document, words.text("section.call"), words.text("call.body", practice.phone()));

        Paragraph phone = paragraph(practice.phone(), font(20, Font.BOLD, BRAND), 0);
        phone.setAlignment(Element.ALIGN_CENTER);
        phone.setSpacingBefore(16);
        document.add(phone);
        Paragraph address = paragraph(practice.name() + " · " + practice.postalAddress(), font(9, Font.NORMAL, Color.GRAY), 0);
        address.setAlignment(Element.ALIGN_CENTER);
        document.add(address);
        document.close();
        return out.toByteArray();
    }

    private static void section(Document document, String title, String text) {
        Paragraph heading = paragraph(title, font(14, Font.BOLD, BRAND), 4);
        heading.setSpacingBefore(4);
        heading.setKeepTogether(true);
        document.add(heading);
        document.add(body(text));
    }

    private static Paragraph body(String text) {
        Paragraph paragraph = paragraph(text, font(11, Font.NORMAL, Color.BLACK), 6);
        paragraph.setLeading(15);
        return paragraph;
    }

    private static Paragraph paragraph(String text, Font font, float after) {
        Paragraph paragraph = new Paragraph(new Chunk(text, font));
        paragraph.setSpacingAfter(after);
        return paragraph;
    }

    /** Helvetica in the Windows Latin-1 encoding, which has every letter of English and Spanish. */
    private static Font font(float size, int style, Color color) {
        return FontFactory.getFont(FontFactory.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED, size, style, color);
    }
}
