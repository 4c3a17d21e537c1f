package org.ml4em.columns;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.ml4em.Progress;

/** Keeps statuses and log lines; canceled from the poll after {@code pollsBeforeCancel} (never when negative). */
final class RecordingProgress implements Progress {

	final List<String> statuses = new CopyOnWriteArrayList<>();
	final List<String> logged = new CopyOnWriteArrayList<>();
	private final AtomicInteger polls = new AtomicInteger();
	private final int pollsBeforeCancel;

	RecordingProgress() {
		this(-1);
	}

	RecordingProgress(int pollsBeforeCancel) {
		this.pollsBeforeCancel = pollsBeforeCancel;
	}

	@Override
	public void status(String message) {
		statuses.add(message);
	}

	@Override
	public void fraction(double done) {}

	@Override
	public void log(String message) {
		logged.add(message);
	}

	@Override
	public boolean isCanceled() {
		return pollsBeforeCancel >= 0 && polls.incrementAndGet() > pollsBeforeCancel;
	}
}
