package org.vigil.web.app;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.imageio.ImageIO;

/**
 * Vigil's icon: a white V on the header's dark blue, as an SVG with a red badge carrying a count (the unhandled
 * problems the page shows; none at 0) and as {@code /favicon.ico} (32x32, the PNG inside an ICO, drawn once).
 */
final class Favicon {

    /** The largest count written in full; above it the badge says {@code 99+}. */
    static final int MAX_SHOWN = 99;

    private static final String BACKGROUND = "#1d2330";
    private static final String BADGE = "#d1332e";

    private Favicon() {
    }

    /** The icon as SVG, with {@code count} in a badge when above 0. */
    static String svg(int count) {
        StringBuilder b = new StringBuilder(512);
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\" width=\"32\" height=\"32\">")
                .append("<rect width=\"32\" height=\"32\" rx=\"6\" fill=\"").append(BACKGROUND).append("\"/>")
                .append("<path d=\"M7 8 L16 25 L25 8\" fill=\"none\" stroke=\"#fff\" stroke-width=\"4.5\" ")
                .append("stroke-linecap=\"round\" stroke-linejoin=\"round\"/>");
        if (count > 0) {
            String text = count > MAX_SHOWN ? MAX_SHOWN + "+" : Integer.toString(count);
            int width = 8 + 7 * text.length();
            int x = 32 - width;
            b.append("<rect x=\"").append(x).append("\" y=\"0\" width=\"").append(width)
                    .append("\" height=\"17\" rx=\"8.5\" fill=\"").append(BADGE).append("\"/>")
                    .append("<text x=\"").append(x + width / 2.0).append("\" y=\"13.5\" font-family=\"Arial, ")
                    .append("Helvetica, sans-serif\" font-size=\"14\" font-weight=\"700\" text-anchor=\"middle\" ")
                    .append("fill=\"#fff\">").append(text).append("</text>");
        }
        return b.append("</svg>").toString();
    }

    /** The icon (without badge) as a 32x32 ICO holding one PNG, as every browser reads it. */
    static byte[] ico() {
        byte[] png = png(32);
        ByteBuffer b = ByteBuffer.allocate(6 + 16 + png.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 1); // reserved, type icon, one image
        b.put((byte) 32).put((byte) 32).put((byte) 0).put((byte) 0); // width, height, no palette, reserved
        b.putShort((short) 1).putShort((short) 32); // colour planes, bits per pixel
        b.putInt(png.length).putInt(6 + 16);
        b.put(png);
        return b.array();
    }

    private static byte[] png(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.decode(BACKGROUND));
            g.fill(new RoundRectangle2D.Double(0, 0, size, size, 12, 12));
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(4.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Path2D v = new Path2D.Double();
            v.moveTo(7, 8);
            v.lineTo(16, 25);
            v.lineTo(25, 8);
            g.draw(v);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
