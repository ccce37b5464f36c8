package org.sevahub.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Folds the RTS roll-up's appended changes into {@code rts_day} on every node, a batch at a time until none are
 * left. The dashboard reads the changes not yet folded as well, so how often this runs decides only how many rows
 * it reads, never what it shows.
 */
@Component
class RollupFolding {

	private static final Logger log = LoggerFactory.getLogger(RollupFolding.class);

	static final int BATCH = 5_000;

	private final DailyRollup rollup;

	RollupFolding(DailyRollup rollup) {
		this.rollup = rollup;
	}

	@Scheduled(fixedDelayString = "${sevahub.dashboard.fold-interval:5s}", initialDelayString = "${sevahub.dashboard.fold-interval:5s}")
	void fold() {
		try {
			while (rollup.fold(BATCH) == BATCH) {
				// a backlog (after an outage of the job, or a burst): keep folding
			}
		}
		catch (RuntimeException ex) {
			// The changes stay appended and the dashboard still counts them; the next run tries again.
			log.warn("Folding the RTS roll-up's changes failed; will try again", ex);
		}
	}

}
