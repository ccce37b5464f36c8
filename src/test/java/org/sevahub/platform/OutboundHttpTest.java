package org.sevahub.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls made through the RestClient every connector is built from reuse threads: a flight recording of the calls
 * sees no thread started to write a request's body (Spring's {@code SimpleAsyncTaskExecutor}, one per call without
 * {@link OutboundHttp}), and fewer threads started than one for every other call (the JDK client completing each
 * call on a new thread, as it does with a common pool of one; this JVM's is sized as {@code SevaHubApplication.main}
 * sizes it on a small machine, see the surefire {@code argLine}).
 */
@SevaHubTest
class OutboundHttpTest {

	static final int CALLS = 30;

	@Autowired
	RestClient.Builder builder;

	@LocalServerPort
	int port;

	@Test
	void callsWithABodyStartNoThreadEach() throws Exception {
		RestClient http = builder.baseUrl("http://127.0.0.1:" + port).build();
		post(http, 5);
		List<String> started = new ArrayList<>();
		Path file = Files.createTempFile("outbound-http", ".jfr");
		try (Recording recording = new Recording()) {
			recording.enable("jdk.ThreadStart");
			recording.start();
			assertThat(post(http, CALLS)).as("every call reached the server").isEqualTo(CALLS);
			recording.stop();
			recording.dump(file);
			for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
				started.add(event.getThread("thread").getJavaName());
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
		assertThat(started).as("threads started during %d calls", CALLS)
			.noneMatch(name -> name.startsWith("SimpleAsyncTaskExecutor"))
			.hasSizeLessThan(CALLS / 2);
	}

	/** POSTs a small JSON body to a route that takes only GET; the answer does not matter, only the call. */
	private static int post(RestClient http, int calls) {
		int answered = 0;
		for (int i = 0; i < calls; i++) {
			int status = http.post()
				.uri("/actuator/health/liveness")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"call\":" + i + "}")
				.exchange((request, response) -> response.getStatusCode().value());
			answered += status > 0 ? 1 : 0;
		}
		return answered;
	}

}
