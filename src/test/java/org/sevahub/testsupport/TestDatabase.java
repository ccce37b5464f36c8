package org.sevahub.testsupport;

/** Where the tests' PostgreSQL is: 127.0.0.1:5432/test unless SEVAHUB_TEST_DB_URL says otherwise. */
public final class TestDatabase {

	private TestDatabase() {
	}

	public static String url() {
		return env("SEVAHUB_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
	}

	public static String user() {
		return env("SEVAHUB_TEST_DB_USER", "postgres");
	}

	public static String password() {
		return env("SEVAHUB_TEST_DB_PASSWORD", "");
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
