package jp.kyodo.agreement.document;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.TimeZone;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * XHTML to PDF/A-3b for long-term filing (公文書の保存): every glyph from the embedded IPAexGothic (subset; no system
 * font is ever used), an sRGB output intent, and the data the document was rendered from embedded as an associated
 * file ({@code /AF}, relationship {@code Data}), so an archive holds the text and its machine-readable source in one
 * file.
 */
public final class PdfA3 {

    public static final String FONT_FAMILY = "IPAexGothic";
    private static final byte[] FONT = resource("/fonts/ipaexg.ttf");
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    /** A file embedded in the PDF, with its media type and what it is. */
    public record AssociatedFile(String name, String mediaType, String description, byte[] content) {
    }

    private PdfA3() {
    }

    /**
     * Renders {@code xhtml} (well-formed; its fonts must be {@value #FONT_FAMILY}) and embeds the file; {@code info}
     * adds custom entries to the document information dictionary.
     */
    public static byte[] render(String xhtml, AssociatedFile file, Map<String, String> info) {
        ByteArrayOutputStream rendered = new ByteArrayOutputStream();
        // The parsed font is shared by every rendering (parsing 6 MB of TrueType costs far more than a page) and is
        // not safe for concurrent subsetting: one rendering at a time.
        synchronized (PdfA3.class) {
            try (PDDocument document = new PDDocument()) {
                PdfRendererBuilder builder = new PdfRendererBuilder();
                builder.useFastMode();
                builder.usePDDocument(document);
                builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_B);
                builder.useColorProfile(SRGB);
                PDFontSupplier font = new PDFontSupplier(PDType0Font.load(document, font(), true));
                for (int weight : new int[] { 400, 700 }) {
                    builder.useFont(font, FONT_FAMILY, weight, BaseRendererBuilder.FontStyle.NORMAL, true);
                }
                builder.withProducer("kyodo");
                builder.withHtmlContent(xhtml, null);
                builder.toStream(rendered);
                builder.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return withAssociatedFile(rendered.toByteArray(), file, info);
    }

    /** Parses the font and loads the renderer once, so that the first freeze does not pay for it. */
    public static void warmUp() {
        render("<html><head><style>body { font-family: IPAexGothic; }</style></head><body><p>協定書</p></body></html>",
                new AssociatedFile("warm-up.json", "application/json", "warm-up", "{}".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)), Map.of());
    }

    private static TrueTypeFont parsedFont;

    private static synchronized TrueTypeFont font() throws IOException {
        if (parsedFont == null) {
            parsedFont = new TTFParser().parse(new RandomAccessReadBuffer(FONT));
        }
        return parsedFont;
    }

    private static byte[] withAssociatedFile(byte[] pdf, AssociatedFile file, Map<String, String> info) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Calendar now = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            PDEmbeddedFile embedded = new PDEmbeddedFile(document, new ByteArrayInputStream(file.content()));
            embedded.setSubtype(file.mediaType());
            embedded.setSize(file.content().length);
            embedded.setCreationDate(now);
            embedded.setModDate(now);
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(file.name());
            spec.setFileUnicode(file.name());
            spec.setFileDescription(file.description());
            spec.setEmbeddedFile(embedded);
            spec.setEmbeddedFileUnicode(embedded);
            spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Data");
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of(file.name(), spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            document.getDocumentCatalog().setNames(names);
            COSArray associated = new COSArray();
            associated.add(spec);
            document.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("AF"), associated);
            PDDocumentInformation information = document.getDocumentInformation();
            info.forEach(information::setCustomMetadataValue);
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    if (page.getResources().getFont(name) instanceof PDType0Font font) {
                        COSStream toUnicode = font.getCOSObject().getCOSStream(COSName.TO_UNICODE);
                        if (toUnicode != null) {
                            UnifiedIdeographs.rewrite(toUnicode, font().getUnicodeCmapLookup());
                        }
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The embedded file of that name, if the PDF has it. */
    public static byte[] associatedFile(PDDocument document, String name) throws IOException {
        PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
        if (names == null || names.getEmbeddedFiles() == null || names.getEmbeddedFiles().getNames() == null) {
            return null;
        }
        PDComplexFileSpecification spec = names.getEmbeddedFiles().getNames().get(name);
        if (spec == null || spec.getEmbeddedFile() == null) {
            return null;
        }
        return spec.getEmbeddedFile().toByteArray();
    }

    private static byte[] resource(String name) {
        try (InputStream in = PdfA3.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
