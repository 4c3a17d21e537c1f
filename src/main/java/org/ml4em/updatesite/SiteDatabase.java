package org.ml4em.updatesite;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads and writes an update site's {@code db.xml.gz}: gzipped XML, {@code <pluginRecords>} holding
 * one {@code <plugin filename=…>} per file with its {@code <platform>}s, its current
 * {@code <version checksum timestamp filesize>} (with {@code <description>}) and its
 * {@code <previous-version>}s, in the element order of the DTD Fiji's updater writes.
 */
public final class SiteDatabase {

	/** The database's name in the site folder. */
	public static final String FILE_NAME = "db.xml.gz";

	// The document type Fiji's updater declares; its reader does not validate against it.
	private static final String DOCTYPE = String.join("\n",
		"<!DOCTYPE pluginRecords [",
		"<!ELEMENT pluginRecords ((update-site | disabled-update-site)*, plugin*)>",
		"<!ELEMENT update-site EMPTY>",
		"<!ELEMENT disabled-update-site EMPTY>",
		"<!ELEMENT plugin (platform*, category*, version?, previous-version*)>",
		"<!ELEMENT version (description?, dependency*, link*, author*)>",
		"<!ELEMENT previous-version EMPTY>",
		"<!ELEMENT description (#PCDATA)>",
		"<!ELEMENT dependency EMPTY>",
		"<!ELEMENT link (#PCDATA)>",
		"<!ELEMENT author (#PCDATA)>",
		"<!ELEMENT platform (#PCDATA)>",
		"<!ELEMENT category (#PCDATA)>",
		"<!ATTLIST plugin update-site CDATA #IMPLIED>",
		"<!ATTLIST plugin filename CDATA #REQUIRED>",
		"<!ATTLIST plugin executable CDATA #IMPLIED>",
		"<!ATTLIST dependency filename CDATA #REQUIRED>",
		"<!ATTLIST dependency timestamp CDATA #IMPLIED>",
		"<!ATTLIST dependency overrides CDATA #IMPLIED>",
		"<!ATTLIST version timestamp CDATA #REQUIRED>",
		"<!ATTLIST version checksum CDATA #REQUIRED>",
		"<!ATTLIST version filesize CDATA #REQUIRED>",
		"<!ATTLIST previous-version filename CDATA #IMPLIED>",
		"<!ATTLIST previous-version timestamp CDATA #REQUIRED>",
		"<!ATTLIST previous-version timestamp-obsolete CDATA #IMPLIED>",
		"<!ATTLIST previous-version checksum CDATA #REQUIRED>]>");

	private SiteDatabase() {}

	/** Writes the records to {@code dbXmlGz} through a temporary file, so a failed write leaves the old database. */
	public static void write(List<SiteRecord> records, Path dbXmlGz) throws IOException {
		Path temp = dbXmlGz.resolveSibling(dbXmlGz.getFileName() + ".part");
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(temp))) {
			out.write(toXml(records).getBytes(StandardCharsets.UTF_8));
		}
		Files.move(temp, dbXmlGz, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	static String toXml(List<SiteRecord> records) {
		StringWriter xml = new StringWriter();
		try {
			writeXml(records, xml);
		}
		catch (IOException e) {
			throw new IllegalStateException("a StringWriter does not fail", e);
		}
		return xml.toString();
	}

	private static void writeXml(List<SiteRecord> records, Writer w) throws IOException {
		w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + DOCTYPE + "\n<pluginRecords>\n");
		for (SiteRecord r : records) {
			w.write("    <plugin filename=\"" + escape(r.filename()) + "\">\n");
			for (String platform : r.platforms())
				w.write("        <platform>" + escape(platform) + "</platform>\n");
			SiteRecord.Version v = r.current();
			if (v != null) {
				w.write("        <version checksum=\"" + v.checksum() + "\" timestamp=\"" + v.timestamp() + "\" filesize=\"" + v.filesize() + "\">\n");
				if (!r.description().isEmpty()) w.write("            <description>" + escape(r.description()) + "</description>\n");
				w.write("        </version>\n");
			}
			for (SiteRecord.Previous p : r.previous())
				w.write("        <previous-version timestamp=\"" + p.timestamp() + "\" timestamp-obsolete=\"" + p.timestampObsolete() + "\" checksum=\"" +
					p.checksum() + "\" filename=\"" + escape(p.filename()) + "\"/>\n");
			w.write("    </plugin>\n");
		}
		w.write("</pluginRecords>\n");
	}

	/**
	 * Reads a {@code db.xml.gz}.
	 *
	 * @throws IOException if it is not gzipped XML of update-site records
	 */
	public static List<SiteRecord> read(Path dbXmlGz) throws IOException {
		Document doc;
		try (InputStream in = new GZIPInputStream(Files.newInputStream(dbXmlGz))) {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setValidating(false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			doc = factory.newDocumentBuilder().parse(in);
		}
		catch (ParserConfigurationException | SAXException e) {
			throw new IOException(dbXmlGz + " is not an update-site database (" + e.getMessage() + ").", e);
		}
		if (!doc.getDocumentElement().getTagName().equals("pluginRecords"))
			throw new IOException(dbXmlGz + " is not an update-site database: its root is <" + doc.getDocumentElement().getTagName() + ">.");
		List<SiteRecord> records = new ArrayList<>();
		for (Element plugin : children(doc.getDocumentElement(), "plugin")) {
			List<String> platforms = new ArrayList<>();
			for (Element p : children(plugin, "platform"))
				platforms.add(p.getTextContent().trim());
			SiteRecord.Version current = null;
			String description = "";
			for (Element v : children(plugin, "version")) {
				current = new SiteRecord.Version(v.getAttribute("checksum"), number(v, "timestamp"), number(v, "filesize"));
				for (Element d : children(v, "description"))
					description = d.getTextContent();
			}
			List<SiteRecord.Previous> previous = new ArrayList<>();
			for (Element p : children(plugin, "previous-version"))
				previous.add(new SiteRecord.Previous(p.hasAttribute("filename") ? p.getAttribute("filename") : plugin.getAttribute("filename"),
					p.getAttribute("checksum"), number(p, "timestamp"), p.hasAttribute("timestamp-obsolete") ? number(p, "timestamp-obsolete") : 0));
			records.add(new SiteRecord(plugin.getAttribute("filename"), platforms, current, previous, description));
		}
		return records;
	}

	private static long number(Element e, String attribute) throws IOException {
		try {
			return Long.parseLong(e.getAttribute(attribute));
		}
		catch (NumberFormatException x) {
			throw new IOException("<" + e.getTagName() + "> has " + attribute + "=\"" + e.getAttribute(attribute) + "\", not a number.", x);
		}
	}

	private static List<Element> children(Element parent, String tag) {
		List<Element> found = new ArrayList<>();
		NodeList nodes = parent.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++)
			if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE && ((Element) nodes.item(i)).getTagName().equals(tag)) found.add((Element) nodes.item(i));
		return found;
	}

	private static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
