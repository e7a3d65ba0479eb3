package org.alize.tenancy.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Writes one service's part of a basin's archive as a zip: one entry per collection, one MongoDB Extended JSON
 * document per line (types kept: dates, decimals, longs, binaries), then {@code manifest.json}, each entry with its
 * lines and SHA-256, so that an import refuses an archive altered or cut short.
 */
public final class TenantArchiveWriter implements AutoCloseable {

    public static final String MANIFEST = "manifest.json";
    static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    /** What the manifest says of one entry. */
    public record Entry(long lines, long bytes, String sha256) {
    }

    private final ZipOutputStream zip;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public TenantArchiveWriter(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    }

    /** One entry of documents, one per line. */
    public void documents(String name, Iterator<Document> documents) throws IOException {
        lines(name, new Iterator<>() {
            @Override
            public boolean hasNext() {
                return documents.hasNext();
            }

            @Override
            public String next() {
                return documents.next().toJson(JSON);
            }
        });
    }

    /** One entry of text lines (each without a line break). */
    public void lines(String name, Iterator<String> lines) throws IOException {
        if (entries.containsKey(name) || name.equals(MANIFEST)) {
            throw new IllegalArgumentException("entry " + name + " written twice");
        }
        MessageDigest digest = sha256();
        zip.putNextEntry(new ZipEntry(name));
        CountingStream counting = new CountingStream(zip);
        DigestOutputStream out = new DigestOutputStream(counting, digest);
        long count = 0;
        while (lines.hasNext()) {
            out.write(lines.next().getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            count++;
        }
        out.flush();
        zip.closeEntry();
        entries.put(name, new Entry(count, counting.count, HexFormat.of().formatHex(digest.digest())));
    }

    public Map<String, Entry> entries() {
        return Map.copyOf(entries);
    }

    /** Writes the manifest with {@code header} (basin, service, when, by) and closes the zip. */
    public void finish(Document header) throws IOException {
        Document manifest = new Document(header);
        Document listed = new Document();
        entries.forEach((name, entry) -> listed.append(name, new Document("lines", entry.lines()).append("bytes", entry.bytes())
                .append("sha256", entry.sha256())));
        manifest.append("entries", listed);
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(manifest.toJson(JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).indent(true).build())
                .getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class CountingStream extends OutputStream {
        private final OutputStream out;
        private long count;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
