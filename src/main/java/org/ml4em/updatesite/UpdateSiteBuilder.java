package org.ml4em.updatesite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes or updates a Fiji update site in a folder: each file stored as
 * {@code <filename>-<timestamp>} beside {@code db.xml.gz}, which lists them with Fiji's checksums.
 * <p>
 * Built again into the same folder, the site keeps its history the way Fiji's own uploader does:
 * a file whose checksum is unchanged keeps its timestamp (users download nothing); a changed file
 * gets a new timestamp and its old version becomes a {@code <previous-version>}; a jar whose
 * version in the name changed ({@code jhdf-0.13.0.jar} → {@code jhdf-0.14.0.jar}) is the same
 * record under its new name; a file no longer shipped keeps its record without a current version,
 * which tells Fiji to remove it. Stored files are never overwritten, and {@code db.xml.gz} is
 * replaced last, in one move, so a site being served is never half-updated.
 */
public final class UpdateSiteBuilder {

	/** Fiji's timestamp format, {@code yyyyMMddHHmmss}. */
	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	/**
	 * What a build did.
	 *
	 * @param records the database as written
	 * @param added files new to the site
	 * @param updated files with a new version
	 * @param unchanged files as they were
	 * @param withdrawn files no longer shipped
	 */
	public record Report(List<SiteRecord> records, List<String> added, List<String> updated, List<String> unchanged, List<String> withdrawn) {

		@Override
		public String toString() {
			return records.size() + " files in db.xml.gz: " + added.size() + " added, " + updated.size() + " updated, " + unchanged.size() +
				" unchanged, " + withdrawn.size() + " withdrawn.";
		}
	}

	private UpdateSiteBuilder() {}

	/** {@return the current time as Fiji writes timestamps}, in UTC */
	public static long now() {
		return Long.parseLong(ZonedDateTime.now(ZoneOffset.UTC).format(TIMESTAMP));
	}

	/**
	 * @param files what the site must offer
	 * @param site the site folder; created if missing, updated if it holds a {@code db.xml.gz}
	 * @param timestamp the timestamp of every new or changed file, {@code yyyyMMddHHmmss}
	 * @throws IOException when a file cannot be read or written, or two files would land on the same name
	 */
	public static Report build(List<SiteFile> files, Path site, long timestamp) throws IOException {
		checkTimestamp(timestamp);
		Files.createDirectories(site);
		Path db = site.resolve(SiteDatabase.FILE_NAME);
		Map<String, SiteRecord> old = new LinkedHashMap<>();
		if (Files.exists(db))
			for (SiteRecord r : SiteDatabase.read(db))
				old.put(r.key(), r);
		List<SiteRecord> records = new ArrayList<>();
		List<String> added = new ArrayList<>(), updated = new ArrayList<>(), unchanged = new ArrayList<>(), withdrawn = new ArrayList<>();
		Map<String, String> keys = new LinkedHashMap<>();
		for (SiteFile f : files) {
			String key = UpdateSiteFiles.unversioned(f.filename());
			String clash = keys.put(key, f.filename());
			if (clash != null) throw new IOException(clash + " and " + f.filename() + " are the same file for Fiji's updater (" + key + ").");
			long size = Files.size(f.source());
			// Fiji's installer takes an empty file as "delete this file"
			if (size == 0) throw new IOException(f.source() + " is empty; an update site cannot hold an empty file.");
			String checksum = FijiChecksum.of(f.source(), f.filename());
			SiteRecord before = old.remove(key);
			if (before != null && before.current() != null && before.current().checksum().equals(checksum) && before.filename().equals(f.filename())) {
				SiteRecord kept = new SiteRecord(f.filename(), f.platforms(), before.current(), before.previous(), f.description());
				store(f, site.resolve(kept.storedName()));
				records.add(kept);
				unchanged.add(f.filename());
				continue;
			}
			List<SiteRecord.Previous> previous = new ArrayList<>();
			if (before != null) {
				previous.addAll(before.previous());
				if (before.current() != null) {
					if (timestamp <= before.current().timestamp()) throw new IOException("The site's " + before.filename() + " is from " +
						before.current().timestamp() + ", not older than the new timestamp " + timestamp + ".");
					previous.add(new SiteRecord.Previous(before.filename(), before.current().checksum(), before.current().timestamp(), timestamp));
				}
			}
			SiteRecord record = new SiteRecord(f.filename(), f.platforms(), new SiteRecord.Version(checksum, timestamp, size), previous, f.description());
			store(f, site.resolve(record.storedName()));
			records.add(record);
			(before == null ? added : updated).add(f.filename());
		}
		for (SiteRecord gone : old.values()) {
			List<SiteRecord.Previous> previous = new ArrayList<>(gone.previous());
			if (gone.current() != null) {
				previous.add(new SiteRecord.Previous(gone.filename(), gone.current().checksum(), gone.current().timestamp(), timestamp));
				withdrawn.add(gone.filename());
			}
			records.add(new SiteRecord(gone.filename(), gone.platforms(), null, previous, gone.description()));
		}
		records.sort(Comparator.comparing(SiteRecord::filename));
		SiteDatabase.write(records, db);
		return new Report(records, added, updated, unchanged, withdrawn);
	}

	/** Copies a file to its stored name unless it is there already (a served file is never rewritten). */
	private static void store(SiteFile f, Path stored) throws IOException {
		if (Files.exists(stored)) return;
		Files.createDirectories(stored.getParent());
		Path temp = stored.resolveSibling(stored.getFileName() + ".part");
		Files.copy(f.source(), temp, StandardCopyOption.REPLACE_EXISTING);
		Files.move(temp, stored, StandardCopyOption.ATOMIC_MOVE);
	}

	private static void checkTimestamp(long timestamp) {
		try {
			java.time.LocalDateTime.parse(Long.toString(timestamp), TIMESTAMP);
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new IllegalArgumentException(timestamp + " is not a yyyyMMddHHmmss timestamp", e);
		}
	}
}
