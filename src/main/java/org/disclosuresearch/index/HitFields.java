package org.disclosuresearch.index;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.disclosuresearch.report.Figure;
import org.disclosuresearch.report.FigureCatalog;
import org.disclosuresearch.report.Region;
import org.disclosuresearch.report.Report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a page of hits shows of a report besides its snippets, kept as one binary doc value ({@link Fields#HIT}): a
 * page read these fields by parsing each hit's stored report JSON (figure evidence, notes, source and all), a third
 * of a rare phrase's time. Decimal figures keep their scale (12.30 stays 12.30), so a hit reads exactly as the stored
 * report does. Figures are written by their place in the {@link FigureCatalog} (a byte or two instead of an id of
 * twenty: by id the value took 5.8 KB per report, 38% more index), with the catalogue's fingerprint: a value
 * written under another catalogue is not read (the hit then comes from the stored JSON).
 */
public record HitFields(String id, String agency, Integer year, Region region, String agencyType, String template,
                        Map<String, Number> figures, List<String> failedChecks, String agencyKey,
                        Map<String, Double> derivedFigures) {

    private static final byte NULL = 0;
    private static final byte WHOLE = 1;
    private static final byte DECIMAL = 2;
    /** A decimal whose unscaled value fits a long: unscaled and scale. */
    private static final byte SMALL_DECIMAL = 3;
    /** Bumped when the encoding changes; a value of another version is read from the stored JSON instead. */
    private static final byte VERSION = 3;
    private static final List<String> CATALOGUE = FigureCatalog.get().all().stream().map(Figure::id).toList();
    private static final Map<String, Integer> PLACE = new java.util.HashMap<>();
    static {
        for (int i = 0; i < CATALOGUE.size(); i++) {
            PLACE.put(CATALOGUE.get(i), i);
        }
    }
    private static final int FINGERPRINT = CATALOGUE.hashCode();

    public static HitFields of(Report r) {
        return new HitFields(r.id(), r.agency(), r.year(), r.region() == null ? Region.NONE : r.region(),
                r.agencyType(), r.template(), r.figures(), r.failedChecks(), r.agencyKey(), r.derivedFigures());
    }

    /** The hit fields of {@code doc} (a segment's document), or null when the segment has none of this version. */
    public static HitFields read(LeafReader leaf, int doc) throws IOException {
        BinaryDocValues values = DocValues.getBinary(leaf, Fields.HIT);
        if (!values.advanceExact(doc)) {
            return null;
        }
        return decode(values.binaryValue());
    }

    static BytesRef encode(HitFields h) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            out.writeByte(VERSION);
            out.writeInt(FINGERPRINT);
            writeNullable(out, h.id);
            writeNullable(out, h.agency);
            out.writeZInt(h.year == null ? Integer.MIN_VALUE : h.year);
            Region region = h.region == null ? Region.NONE : h.region;
            writeNullable(out, region.province());
            writeNullable(out, region.city());
            writeNullable(out, region.county());
            writeNullable(out, h.agencyType);
            writeNullable(out, h.template);
            out.writeVInt(h.failedChecks.size());
            for (String check : h.failedChecks) {
                out.writeString(check);
            }
            writeNullable(out, h.agencyKey);
            Map<String, Double> derived = h.derivedFigures == null ? Map.of() : h.derivedFigures;
            out.writeVInt(derived.size());
            for (Map.Entry<String, Double> e : derived.entrySet()) {
                out.writeString(e.getKey());
                out.writeLong(Double.doubleToLongBits(e.getValue()));
            }
            out.writeVInt(h.figures.size());
            for (Map.Entry<String, Number> e : h.figures.entrySet()) {
                Integer place = PLACE.get(e.getKey());
                out.writeVInt(place == null ? 0 : place + 1);
                if (place == null) {
                    out.writeString(e.getKey());
                }
                Number v = e.getValue();
                Figure figure = FigureCatalog.get().find(e.getKey()).orElse(null);
                // typed as the stored JSON reads back: the catalogue decides, an uncatalogued id keeps its type
                boolean decimal = figure != null ? figure.isDecimal() : v instanceof BigDecimal;
                if (v == null) {
                    out.writeByte(NULL);
                } else if (decimal) {
                    BigDecimal d = new BigDecimal(v.toString());
                    if (d.unscaledValue().bitLength() < 63) {
                        out.writeByte(SMALL_DECIMAL);
                        out.writeZLong(d.unscaledValue().longValue());
                        out.writeZInt(d.scale());
                    } else {
                        out.writeByte(DECIMAL);
                        out.writeString(d.toString());
                    }
                } else {
                    out.writeByte(WHOLE);
                    out.writeZLong(v.longValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory output does not fail
        }
        return new BytesRef(out.toArrayCopy());
    }

    static HitFields decode(BytesRef bytes) throws IOException {
        ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        if (in.readByte() != VERSION || in.readInt() != FINGERPRINT) {
            return null;
        }
        String id = readNullable(in);
        String agency = readNullable(in);
        int year = in.readZInt();
        Region region = new Region(readNullable(in), readNullable(in), readNullable(in));
        String agencyType = readNullable(in);
        String template = readNullable(in);
        int checks = in.readVInt();
        List<String> failed = new ArrayList<>(checks);
        for (int i = 0; i < checks; i++) {
            failed.add(in.readString());
        }
        String agencyKey = readNullable(in);
        int derivedCount = in.readVInt();
        Map<String, Double> derived = new LinkedHashMap<>();
        for (int i = 0; i < derivedCount; i++) {
            derived.put(in.readString(), Double.longBitsToDouble(in.readLong()));
        }
        int n = in.readVInt();
        Map<String, Number> figures = new LinkedHashMap<>(n * 4 / 3 + 1); // no rehashing of a hundred figures per hit
        for (int i = 0; i < n; i++) {
            int place = in.readVInt();
            String key = place == 0 ? in.readString() : CATALOGUE.get(place - 1);
            byte kind = in.readByte();
            figures.put(key, switch (kind) {
                case NULL -> null;
                case DECIMAL -> new BigDecimal(in.readString());
                case SMALL_DECIMAL -> BigDecimal.valueOf(in.readZLong(), in.readZInt());
                case WHOLE -> in.readZLong();
                default -> throw new IOException("unknown figure kind " + kind + " in the hit fields of " + id);
            });
        }
        return new HitFields(id, agency, year == Integer.MIN_VALUE ? null : year, region.isEmpty() ? Region.NONE
                : region, agencyType, template, figures, List.copyOf(failed), agencyKey, derived);
    }

    private static void writeNullable(ByteBuffersDataOutput out, String s) throws IOException {
        if (s == null) {
            out.writeByte((byte) 0);
        } else {
            out.writeByte((byte) 1);
            out.writeString(s);
        }
    }

    private static String readNullable(ByteArrayDataInput in) throws IOException {
        return in.readByte() == 0 ? null : in.readString();
    }
}
