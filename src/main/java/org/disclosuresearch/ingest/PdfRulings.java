package org.disclosuresearch.ingest;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The ruling lines of one PDF page: the horizontal and vertical strokes and thin filled rectangles that office
 * suites draw as table borders. Coordinates are turned to the text's convention (origin top left, y down).
 */
final class PdfRulings extends PDFGraphicsStreamEngine {

    /** A horizontal ({@code horizontal}) or vertical segment: fixed coordinate {@code at}, from {@code from} to {@code to}. */
    record Segment(boolean horizontal, float at, float from, float to) {
    }

    /** Borders are hairlines; a filled rectangle thinner than this is a line, not a shaded cell. */
    private static final float MAX_LINE_THICKNESS = 3f;
    private static final float MIN_LENGTH = 4f;
    /** A page of more lines than this is a drawing, not a report table; it is read as text only. */
    static final int MAX_SEGMENTS = 5_000;

    private final float pageHeight;
    private final float left;
    private final List<Segment> segments = new ArrayList<>();
    private final List<float[]> pendingLines = new ArrayList<>();
    private final List<float[]> pendingRects = new ArrayList<>();
    private float[] current = new float[2];
    private float[] subpathStart = new float[2];

    private PdfRulings(PDPage page) {
        super(page);
        // PDFBox places text relative to the crop box: the rulings must use the same origin.
        this.pageHeight = page.getCropBox().getHeight() + page.getCropBox().getLowerLeftY();
        this.left = page.getCropBox().getLowerLeftX();
    }

    static List<Segment> of(PDPage page) throws IOException {
        PdfRulings rulings = new PdfRulings(page);
        rulings.processPage(page);
        return rulings.segments;
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        float x0 = (float) Math.min(Math.min(p0.getX(), p1.getX()), Math.min(p2.getX(), p3.getX()));
        float x1 = (float) Math.max(Math.max(p0.getX(), p1.getX()), Math.max(p2.getX(), p3.getX()));
        float y0 = (float) Math.min(Math.min(p0.getY(), p1.getY()), Math.min(p2.getY(), p3.getY()));
        float y1 = (float) Math.max(Math.max(p0.getY(), p1.getY()), Math.max(p2.getY(), p3.getY()));
        pendingRects.add(new float[]{x0, y0, x1, y1});
        current = new float[]{(float) p0.getX(), (float) p0.getY()};
    }

    @Override
    public void moveTo(float x, float y) {
        current = new float[]{x, y};
        subpathStart = current;
    }

    @Override
    public void lineTo(float x, float y) {
        pendingLines.add(new float[]{current[0], current[1], x, y});
        current = new float[]{x, y};
    }

    @Override
    public void closePath() {
        lineTo(subpathStart[0], subpathStart[1]);
    }

    @Override
    public void strokePath() {
        for (float[] l : pendingLines) {
            addLine(l[0], l[1], l[2], l[3]);
        }
        for (float[] r : pendingRects) { // a stroked rectangle is four borders
            addLine(r[0], r[1], r[2], r[1]);
            addLine(r[0], r[3], r[2], r[3]);
            addLine(r[0], r[1], r[0], r[3]);
            addLine(r[2], r[1], r[2], r[3]);
        }
        endPath();
    }

    @Override
    public void fillPath(int windingRule) {
        for (float[] r : pendingRects) { // a thin filled rectangle is a border drawn as a bar
            float w = r[2] - r[0];
            float h = r[3] - r[1];
            if (h <= MAX_LINE_THICKNESS && w >= MIN_LENGTH) {
                addLine(r[0], (r[1] + r[3]) / 2, r[2], (r[1] + r[3]) / 2);
            } else if (w <= MAX_LINE_THICKNESS && h >= MIN_LENGTH) {
                addLine((r[0] + r[2]) / 2, r[1], (r[0] + r[2]) / 2, r[3]);
            }
        }
        endPath();
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        strokePath();
    }

    @Override
    public void endPath() {
        pendingLines.clear();
        pendingRects.clear();
    }

    private void addLine(float x0, float y0, float x1, float y1) {
        if (segments.size() >= MAX_SEGMENTS) {
            return;
        }
        // to the text's coordinates: from the crop box's top left corner, y growing downwards
        float ty0 = pageHeight - y0;
        float ty1 = pageHeight - y1;
        x0 -= left;
        x1 -= left;
        if (Math.abs(ty0 - ty1) <= 1f && Math.abs(x1 - x0) >= MIN_LENGTH) {
            segments.add(new Segment(true, (ty0 + ty1) / 2, Math.min(x0, x1), Math.max(x0, x1)));
        } else if (Math.abs(x0 - x1) <= 1f && Math.abs(ty1 - ty0) >= MIN_LENGTH) {
            segments.add(new Segment(false, (x0 + x1) / 2, Math.min(ty0, ty1), Math.max(ty0, ty1)));
        }
    }

    @Override
    public void drawImage(PDImage pdImage) {
        // images carry no rulings
    }

    @Override
    public void clip(int windingRule) {
        // clipping paths are not drawn: they must not be taken for borders
        endPath();
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        current = new float[]{x3, y3};
    }

    @Override
    public Point2D getCurrentPoint() {
        return new Point2D.Float(current[0], current[1]);
    }

    @Override
    public void shadingFill(COSName shadingName) {
        // shading is colour, not structure
    }
}
