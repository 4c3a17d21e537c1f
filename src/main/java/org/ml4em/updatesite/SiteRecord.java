package org.ml4em.updatesite;

import java.util.List;
import java.util.Objects;

/**
 * One file's entry in an update site's {@code db.xml.gz}: where it goes in Fiji, its current
 * version (none once the file is withdrawn) and the versions it had before, whose checksums let
 * Fiji recognise an old copy as out of date rather than as changed by the user.
 *
 * @param filename path inside Fiji with '/', the version in a jar's name included
 *            ({@code jars/jhdf-0.13.0.jar}); the file is stored on the site as
 *            {@code <filename>-<timestamp>}
 * @param platforms Fiji platform names ({@code linux64}, {@code win64}, …) the file is for; empty for all
 * @param current the version to install; null for a file that was withdrawn
 * @param previous earlier versions, oldest first
 * @param description shown in Fiji's updater; may be empty
 */
public record SiteRecord(String filename, List<String> platforms, Version current, List<Previous> previous, String description) {

	/**
	 * @param checksum {@link FijiChecksum} of the file
	 * @param timestamp when it was put on the site, {@code yyyyMMddHHmmss} as a number
	 * @param filesize bytes; Fiji checks it after download
	 */
	public record Version(String checksum, long timestamp, long filesize) {}

	/**
	 * @param filename the file's name then (a jar's version may differ)
	 * @param checksum its checksum then
	 * @param timestamp when it was put on the site
	 * @param timestampObsolete when it was replaced
	 */
	public record Previous(String filename, String checksum, long timestamp, long timestampObsolete) {}

	public SiteRecord {
		Objects.requireNonNull(filename, "filename");
		platforms = List.copyOf(platforms);
		previous = List.copyOf(previous);
		description = description == null ? "" : description;
	}

	/** {@return the name Fiji matches files by}: the filename without a jar's version */
	public String key() {
		return UpdateSiteFiles.unversioned(filename);
	}

	/** The file as stored on the site, beside {@code db.xml.gz}. */
	public String storedName() {
		if (current == null) throw new IllegalStateException(filename + " has no current version");
		return filename + "-" + current.timestamp();
	}
}
