package dev.eshop.salesreport.export;

import dev.eshop.salesreport.report.SaleLine;
import dev.eshop.salesreport.report.SalesFilter;
import dev.eshop.salesreport.report.Summary;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The XLSX export, written with Apache POI's streaming SXSSF: only the last {@value #WINDOW} rows stay in
 * memory, the rest go to a compressed temporary file until {@link #write}. Sheet "Sales": a bold, frozen
 * header row, amounts formatted {@code $#,##0.00}, {@code paid_at} as a date-time in the report zone
 * (a spreadsheet cell has no zone; "Summary" names it). Sheet "Summary": the summary figures of the
 * same rows. Text cells are written as strings, which a spreadsheet never evaluates.
 */
final class XlsxWriter implements AutoCloseable {

    static final String SALES = "Sales";
    static final String SUMMARY = "Summary";
    static final String MONEY_FORMAT = "$#,##0.00";
    static final String DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";

    private static final int WINDOW = 200;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final ZoneId zone;
    private final Sheet sales;
    private final CellStyle header;
    private final CellStyle label;
    private final CellStyle money;
    private final CellStyle dateTime;
    private final CellStyle date;
    private final CellStyle rate;
    private int next = 1;

    XlsxWriter(ZoneId zone) {
        this.zone = zone;
        workbook.setCompressTempFiles(true);
        DataFormat formats = workbook.createDataFormat();
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        label = workbook.createCellStyle();
        label.setFont(bold);
        money = style(formats.getFormat(MONEY_FORMAT));
        dateTime = style(formats.getFormat(DATE_TIME_FORMAT));
        date = style(formats.getFormat("yyyy-mm-dd"));
        rate = style(formats.getFormat("0.00%"));

        sales = workbook.createSheet(SALES);
        sales.createFreezePane(0, 1);
        Row names = sales.createRow(0);
        int[] widths = {20, 38, 38, 38, 40, 24, 10, 16, 16, 12, 16};
        for (int column = 0; column < ExportColumns.NAMES.size(); column++) {
            Cell cell = names.createCell(column);
            cell.setCellValue(ExportColumns.NAMES.get(column));
            cell.setCellStyle(header);
            sales.setColumnWidth(column, widths[column] * 256);
        }
    }

    private CellStyle style(short format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(format);
        return style;
    }

    void row(SaleLine line) {
        Row row = sales.createRow(next++);
        Cell paidAt = row.createCell(0);
        paidAt.setCellValue(LocalDateTime.ofInstant(line.paidAt(), zone));
        paidAt.setCellStyle(dateTime);
        row.createCell(1).setCellValue(line.orderId().toString());
        row.createCell(2).setCellValue(line.userId().toString());
        row.createCell(3).setCellValue(line.productId().toString());
        row.createCell(4).setCellValue(line.productName());
        row.createCell(5).setCellValue(line.categoryName());
        row.createCell(6).setCellValue(line.quantity());
        amount(row, 7, line.unitPrice(), money);
        amount(row, 8, line.lineTotal(), money);
        amount(row, 9, line.marginRate(), rate);
        amount(row, 10, line.margin(), money);
    }

    /** The "Summary" sheet: the period, its zone, the filters and the figures of the rows written. */
    void summary(SalesFilter filter, Summary figures, long lines) {
        Sheet sheet = workbook.createSheet(SUMMARY);
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 40 * 256);
        int at = 0;
        at = dateRow(sheet, at, "From", figures.from());
        at = dateRow(sheet, at, "To", figures.to());
        at = textRow(sheet, at, "Time zone", zone.getId());
        for (Object[] optional : List.of(new Object[] {"Category id", filter.categoryId()}, new Object[] {"Product id", filter.productId()},
                new Object[] {"Order id", filter.orderId()})) {
            if (optional[1] != null) {
                at = textRow(sheet, at, (String) optional[0], ((UUID) optional[1]).toString());
            }
        }
        at = textRow(sheet, at, "Currency", figures.currency());
        at = numberRow(sheet, at, "Revenue", figures.revenue(), money);
        at = numberRow(sheet, at, "Orders", BigDecimal.valueOf(figures.orders()), null);
        at = numberRow(sheet, at, "Units", BigDecimal.valueOf(figures.units()), null);
        at = numberRow(sheet, at, "Average order value", figures.averageOrderValue(), money);
        at = numberRow(sheet, at, "Margin", figures.margin(), money);
        numberRow(sheet, at, "Lines", BigDecimal.valueOf(lines), null);
    }

    void write(OutputStream out) throws IOException {
        workbook.write(out);
    }

    @Override
    public void close() throws IOException {
        workbook.close(); // also deletes the temporary files
    }

    private Cell labelled(Sheet sheet, int at, String name) {
        Row row = sheet.createRow(at);
        Cell labelCell = row.createCell(0);
        labelCell.setCellValue(name);
        labelCell.setCellStyle(label);
        return row.createCell(1);
    }

    private int textRow(Sheet sheet, int at, String name, String value) {
        labelled(sheet, at, name).setCellValue(value);
        return at + 1;
    }

    private int dateRow(Sheet sheet, int at, String name, LocalDate value) {
        Cell cell = labelled(sheet, at, name);
        cell.setCellValue(value);
        cell.setCellStyle(date);
        return at + 1;
    }

    private int numberRow(Sheet sheet, int at, String name, BigDecimal value, CellStyle style) {
        Cell cell = labelled(sheet, at, name);
        cell.setCellValue(value.doubleValue());
        if (style != null) {
            cell.setCellStyle(style);
        }
        return at + 1;
    }

    private static void amount(Row row, int column, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(style);
    }
}
