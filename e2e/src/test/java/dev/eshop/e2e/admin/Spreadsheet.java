package dev.eshop.e2e.admin;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cells of one sheet of an XLSX workbook, read from its XML parts as a spreadsheet program reads
 * them: the sheet found by its name through the workbook and its relationships, strings shared or
 * inline, numbers as written.
 */
final class Spreadsheet {

    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private Spreadsheet() {
    }

    /** The sheet's rows, each as its cells' texts by column (an empty text where a row skips a cell). */
    static List<List<String>> rows(Map<String, String> parts, String sheetName) {
        String part = sheetPart(parts, sheetName);
        List<String> shared = sharedStrings(parts.get("xl/sharedStrings.xml"));
        List<List<String>> rows = new ArrayList<>();
        for (Element row : elements(parse(parts.get(part), part).getDocumentElement(), "row")) {
            List<String> cells = new ArrayList<>();
            for (Element cell : elements(row, "c")) {
                int column = column(cell.getAttribute("r"), cells.size());
                while (cells.size() < column) {
                    cells.add("");
                }
                cells.add(value(cell, shared));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** xl/workbook.xml names the sheet and its relationship id; xl/_rels/workbook.xml.rels says which part it is. */
    private static String sheetPart(Map<String, String> parts, String sheetName) {
        String relationship = null;
        for (Element sheet : elements(parse(parts.get("xl/workbook.xml"), "xl/workbook.xml").getDocumentElement(), "sheet")) {
            if (sheet.getAttribute("name").equals(sheetName)) {
                relationship = sheet.getAttributeNS(RELATIONSHIPS, "id");
            }
        }
        if (relationship == null) {
            throw new AssertionError("the workbook has no sheet named " + sheetName);
        }
        for (Element target : elements(parse(parts.get("xl/_rels/workbook.xml.rels"), "xl/_rels/workbook.xml.rels").getDocumentElement(),
                "Relationship")) {
            if (target.getAttribute("Id").equals(relationship)) {
                String path = target.getAttribute("Target");
                return path.startsWith("/") ? path.substring(1) : "xl/" + path;
            }
        }
        throw new AssertionError("the workbook's relationships do not say where sheet " + sheetName + " is");
    }

    private static List<String> sharedStrings(String xml) {
        List<String> strings = new ArrayList<>();
        if (xml != null) {
            for (Element item : elements(parse(xml, "xl/sharedStrings.xml").getDocumentElement(), "si")) {
                strings.add(text(item));
            }
        }
        return strings;
    }

    private static String value(Element cell, List<String> shared) {
        String type = cell.getAttribute("t");
        List<Element> values = elements(cell, "v");
        String value = values.isEmpty() ? "" : values.getFirst().getTextContent();
        return switch (type) {
            case "s" -> shared.get(Integer.parseInt(value.strip()));
            case "inlineStr" -> elements(cell, "is").stream().findFirst().map(Spreadsheet::text).orElse("");
            default -> value;
        };
    }

    /** A string item's text: its runs' {@code t} elements, without the phonetic hints. */
    private static String text(Element item) {
        StringBuilder text = new StringBuilder();
        for (Element t : elements(item, "t")) {
            if (!"rPh".equals(t.getParentNode().getLocalName())) {
                text.append(t.getTextContent());
            }
        }
        return text.toString();
    }

    /** A reference's column (B7 → 1); without a reference the next one. */
    private static int column(String reference, int next) {
        if (reference == null || reference.isEmpty()) {
            return next;
        }
        int column = 0;
        for (char c : reference.toCharArray()) {
            if (!Character.isLetter(c)) {
                break;
            }
            column = column * 26 + (Character.toUpperCase(c) - 'A' + 1);
        }
        return column - 1;
    }

    private static List<Element> elements(Element parent, String localName) {
        NodeList found = parent.getElementsByTagNameNS("*", localName);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < found.getLength(); i++) {
            Node node = found.item(i);
            elements.add((Element) node);
        }
        return elements;
    }

    private static Document parse(String xml, String part) {
        if (xml == null) {
            throw new AssertionError("the workbook has no part " + part);
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        }
        catch (Exception e) {
            throw new AssertionError("the workbook's part " + part + " is not well-formed XML: " + e.getMessage(), e);
        }
    }
}
