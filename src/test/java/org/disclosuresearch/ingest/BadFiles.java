package org.disclosuresearch.ingest;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Builds the bad inputs of issue 6 in a temporary folder, each from a real fixture where one exists. */
final class BadFiles {

    private BadFiles() {
    }

    static Path empty(Path dir) throws IOException {
        return Files.createFile(dir.resolve("empty.pdf"));
    }

    static Path truncatedPdf(Path dir) throws IOException {
        byte[] pdf = Files.readAllBytes(FormatFixtures.file(FormatFixtures.NAME + ".pdf"));
        return Files.write(dir.resolve("truncated.pdf"), Arrays.copyOf(pdf, pdf.length / 2));
    }

    static Path encryptedPdf(Path dir) throws IOException {
        Path file = dir.resolve("encrypted.pdf");
        try (PDDocument doc = Loader.loadPDF(FormatFixtures.file(FormatFixtures.NAME + ".pdf").toFile())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(file.toFile());
        }
        return file;
    }

    /** A page that is only a picture, as a scanner makes it. */
    static Path scannedPdf(Path dir) throws IOException {
        Path file = dir.resolve("scanned.pdf");
        try (PDDocument doc = new PDDocument()) {
            addScannedPage(doc);
            doc.save(file.toFile());
        }
        return file;
    }

    /** The PDF fixture with a scanned page added at the end (a table page printed and scanned back in). */
    static Path partlyScannedPdf(Path dir) throws IOException {
        Path file = dir.resolve("partly-scanned.pdf");
        try (PDDocument doc = Loader.loadPDF(FormatFixtures.file(FormatFixtures.NAME + ".pdf").toFile())) {
            addScannedPage(doc);
            doc.save(file.toFile());
        }
        return file;
    }

    private static void addScannedPage(PDDocument doc) throws IOException {
        BufferedImage scan = new BufferedImage(200, 280, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scan.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 280);
        g.setColor(Color.BLACK);
        for (int y = 20; y < 260; y += 12) {
            g.drawLine(20, y, 180, y);
        }
        g.dispose();
        PDPage page = new PDPage();
        doc.addPage(page);
        PDImageXObject image = LosslessFactory.createFromImage(doc, scan);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
            content.drawImage(image, 50, 50, 400, 560);
        }
    }

    /** A DOCX whose document.xml inflates ~1000:1 (50 MB of spaces from ~50 KB). */
    static Path docxZipBomb(Path dir) throws IOException {
        Path file = dir.resolve("bomb.docx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                    + "package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/vnd."
                    + "openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 50; i++) {
                zip.write(spaces);
            }
            zip.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** A DOCX whose document.xml declares nested entities ("billion laughs"): tiny, but gigabytes if expanded. */
    static Path docxEntityBomb(Path dir) throws IOException {
        Path file = dir.resolve("laughs.docx");
        StringBuilder dtd = new StringBuilder("<!DOCTYPE w:document [<!ENTITY l0 \"ha\">");
        for (int i = 1; i <= 12; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        // the real fixture's package (relationships, styles …) with only document.xml swapped
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(FormatFixtures.file(FormatFixtures.NAME
                + ".docx"))); ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("word/document.xml")) {
                    zip.write(("<?xml version=\"1.0\"?>" + dtd + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                            + "wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&l12;</w:t></w:r></w:p></w:body>"
                            + "</w:document>").getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(zip);
                }
            }
        }
        return file;
    }

    /** A sparse file over the default size limit: nothing is written, nothing should be read. */
    static Path huge(Path dir, long bytes) throws IOException {
        Path file = dir.resolve("huge.pdf");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(bytes);
        }
        return file;
    }

    static Path junkNamedPdf(Path dir) throws IOException {
        byte[] junk = new byte[64 * 1024];
        new Random(6).nextBytes(junk);
        return Files.write(dir.resolve("junk.pdf"), junk);
    }

    /** Starts like a PDF and ends like one, with junk between. */
    static Path junkWithPdfHeader(Path dir) throws IOException {
        byte[] junk = new byte[16 * 1024];
        new Random(7).nextBytes(junk);
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, junk, 0, head.length);
        System.arraycopy(tail, 0, junk, junk.length - tail.length, tail.length);
        return Files.write(dir.resolve("fake.pdf"), junk);
    }

    /** The DOCX fixture with a password (Office's agile encryption: an OLE2 container around the package). */
    static Path encryptedDocx(Path dir) throws Exception {
        Path file = dir.resolve("locked.docx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OPCPackage opc = OPCPackage.open(FormatFixtures.file(FormatFixtures.NAME + ".docx").toFile());
                 OutputStream os = encryptor.getDataStream(fs)) {
                opc.save(os);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        return file;
    }
}
