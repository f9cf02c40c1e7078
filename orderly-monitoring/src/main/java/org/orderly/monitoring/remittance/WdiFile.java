package org.orderly.monitoring.remittance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.orderly.monitoring.MonitoringInputException;
import org.orderly.monitoring.Provenance;

/**
 * Reads a World Development Indicators export ({@code .xls}) in the World Bank's own layout, as published: sheet
 * {@code Data} with "Data Source" and "Last Updated Date" above a header row {@code Country Name, Country Code,
 * Indicator Name, Indicator Code, 1960…}; sheets {@code Metadata - Countries} (which codes are aggregates) and
 * {@code Metadata - Indicators} (the source organisation). Errors name the file, the sheet and the row.
 */
public final class WdiFile {
    private static final String[] KEY_COLUMNS = {"Country Name", "Country Code", "Indicator Name", "Indicator Code"};

    private WdiFile() {}

    /**
     * Reads one export holding one indicator.
     *
     * @throws MonitoringInputException naming the sheet and row of the first problem
     */
    public static WdiSeries read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MonitoringInputException(file, 0, "cannot be read: " + e.getMessage());
        }
        Workbook workbook;
        try {
            workbook = new HSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new MonitoringInputException(
                    file,
                    0,
                    "is not a World Development Indicators .xls export (an Excel 97–2003 workbook): "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        try (workbook) {
            return read(file, workbook, sha256(bytes));
        } catch (IOException e) {
            throw new MonitoringInputException(file, 0, "cannot be read: " + e.getMessage());
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WdiSeries read(Path file, Workbook workbook, String sha256) {
        Sheet data = sheet(file, workbook, "Data");
        LocalDate lastUpdated = null;
        int header = -1;
        for (int r = 0; r <= Math.min(data.getLastRowNum(), 10) && header < 0; r++) {
            Row row = data.getRow(r);
            if (row == null) continue;
            String first = text(row.getCell(0));
            if (first.equals("Last Updated Date")) lastUpdated = date(file, row.getCell(1), r);
            if (first.equals("Country Name")) header = r;
        }
        if (header < 0)
            throw new MonitoringInputException(
                    file, 0, "sheet Data has no header row starting 'Country Name' in its first rows");
        Row head = data.getRow(header);
        for (int c = 0; c < KEY_COLUMNS.length; c++) {
            if (!text(head.getCell(c)).equals(KEY_COLUMNS[c])) {
                throw new MonitoringInputException(
                        file,
                        header + 1,
                        "sheet Data column " + (c + 1) + " should be '" + KEY_COLUMNS[c] + "', found '"
                                + text(head.getCell(c)) + "'");
            }
        }
        Map<Integer, Integer> yearColumns = new LinkedHashMap<>();
        for (int c = KEY_COLUMNS.length; c < head.getLastCellNum(); c++) {
            String year = text(head.getCell(c));
            if (year.isEmpty()) continue;
            if (!year.matches("\\d{4}")) {
                throw new MonitoringInputException(
                        file, header + 1, "sheet Data column " + (c + 1) + " should be a year, found '" + year + "'");
            }
            yearColumns.put(c, Integer.parseInt(year));
        }
        String code = null;
        String name = null;
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, SortedMap<Integer, Double>> values = new LinkedHashMap<>();
        for (int r = header + 1; r <= data.getLastRowNum(); r++) {
            Row row = data.getRow(r);
            if (row == null || text(row.getCell(1)).isEmpty()) continue;
            String economy = text(row.getCell(1));
            String rowCode = text(row.getCell(3));
            if (code == null) {
                code = rowCode;
                name = text(row.getCell(2));
            } else if (!code.equals(rowCode)) {
                throw new MonitoringInputException(
                        file,
                        r + 1,
                        "sheet Data holds a second indicator " + rowCode + " beside " + code
                                + ": export one indicator per file");
            }
            if (names.put(economy, text(row.getCell(0))) != null) {
                throw new MonitoringInputException(file, r + 1, "sheet Data lists economy " + economy + " twice");
            }
            SortedMap<Integer, Double> series = new TreeMap<>();
            for (Map.Entry<Integer, Integer> column : yearColumns.entrySet()) {
                Cell cell = row.getCell(column.getKey());
                if (cell == null || cell.getCellType() == CellType.BLANK) continue;
                if (cell.getCellType() != CellType.NUMERIC) {
                    String found = text(cell);
                    if (found.isEmpty() || found.equals("..")) continue;
                    throw new MonitoringInputException(
                            file,
                            r + 1,
                            "sheet Data, " + economy + " " + column.getValue() + ": expected a number, found '" + found
                                    + "'");
                }
                series.put(column.getValue(), cell.getNumericCellValue());
            }
            values.put(economy, series);
        }
        if (code == null)
            throw new MonitoringInputException(file, header + 2, "sheet Data has no rows below its header");
        Set<String> aggregates = new HashSet<>();
        Sheet countries = workbook.getSheet("Metadata - Countries");
        if (countries != null) {
            for (int r = 1; r <= countries.getLastRowNum(); r++) {
                Row row = countries.getRow(r);
                if (row != null
                        && !text(row.getCell(0)).isEmpty()
                        && text(row.getCell(1)).isEmpty()) aggregates.add(text(row.getCell(0)));
            }
        }
        String organisation = "";
        Sheet indicators = workbook.getSheet("Metadata - Indicators");
        if (indicators != null && indicators.getRow(1) != null)
            organisation = text(indicators.getRow(1).getCell(3));
        return new WdiSeries(
                code,
                name,
                organisation,
                lastUpdated,
                names,
                aggregates,
                values,
                Provenance.file(file.getFileName().toString(), sha256, lastUpdated));
    }

    private static Sheet sheet(Path file, Workbook workbook, String name) {
        Sheet sheet = workbook.getSheet(name);
        if (sheet == null)
            throw new MonitoringInputException(
                    file, 0, "has no sheet '" + name + "' (a WDI export has Data and two Metadata sheets)");
        return sheet;
    }

    private static LocalDate date(Path file, Cell cell, int row) {
        if (cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate();
        }
        String text = text(cell);
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new MonitoringInputException(
                    file, row + 1, "sheet Data 'Last Updated Date' is not a date: '" + text + "'");
        }
    }

    private static String text(Cell cell) {
        if (cell == null) return "";
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue().trim();
            case NUMERIC -> {
                double value = cell.getNumericCellValue();
                yield value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
            }
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }
}
