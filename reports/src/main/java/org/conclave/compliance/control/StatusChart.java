package org.conclave.compliance.control;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.AbstractRenderToImageAwareRenderer;
import net.sf.jasperreports.renderers.Graphics2DRenderable;

/**
 * The summary's bar chart: one horizontal bar per status, its length proportional to the number of controls, on a
 * light track with quarter gridlines. Drawn as vector graphics in the PDF; the labels and counts beside it are text
 * fields of the template, one per bar row.
 */
final class StatusChart extends AbstractRenderToImageAwareRenderer implements Graphics2DRenderable {

    private static final long serialVersionUID = 1L;
    private static final Color TRACK = new Color(0xEE, 0xF1, 0xF5);
    private static final Color GRID = new Color(0xC9, 0xCF, 0xD8);

    private final long[] values;
    private final String[] colours;
    private final long scale;

    StatusChart(List<PackView.StatusCount> counts) {
        this.values = counts.stream().mapToLong(PackView.StatusCount::controls).toArray();
        this.colours = counts.stream().map(PackView.StatusCount::colour).toArray(String[]::new);
        this.scale = Math.max(
                1, counts.stream().mapToLong(PackView.StatusCount::controls).sum());
    }

    @Override
    public void render(JasperReportsContext context, Graphics2D g, Rectangle2D area) {
        Graphics2D graphics = (Graphics2D) g.create();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            double rowHeight = area.getHeight() / values.length;
            double barHeight = rowHeight * 0.56;
            for (int i = 0; i < values.length; i++) {
                double y = area.getY() + i * rowHeight + (rowHeight - barHeight) / 2;
                graphics.setColor(TRACK);
                graphics.fill(new RoundRectangle2D.Double(area.getX(), y, area.getWidth(), barHeight, 4, 4));
                double length = area.getWidth() * values[i] / scale;
                if (values[i] > 0) {
                    graphics.setColor(Color.decode(colours[i]));
                    graphics.fill(new RoundRectangle2D.Double(area.getX(), y, Math.max(length, 3), barHeight, 4, 4));
                }
            }
            graphics.setColor(GRID);
            graphics.setStroke(
                    new BasicStroke(0.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {2f, 2f}, 0f));
            for (int quarter = 1; quarter < 4; quarter++) {
                double x = area.getX() + area.getWidth() * quarter / 4;
                graphics.draw(new Line2D.Double(x, area.getY(), x, area.getMaxY()));
            }
        } finally {
            graphics.dispose();
        }
    }
}
