package org.sevahub.document;

import org.springframework.context.ApplicationContext;

/** The nightly deletion of documents past their retention, run now, for tests outside this package. */
public final class RetentionRuns {

	private RetentionRuns() {
	}

	/** @return how many applications had their documents deleted */
	public static int run(ApplicationContext context) {
		return context.getBean(DocumentRetention.class).run();
	}

}
