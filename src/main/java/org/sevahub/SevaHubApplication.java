package org.sevahub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SevaHubApplication {

	static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

	public static void main(String[] args) {
		atLeastTwoCommonPoolThreads(Runtime.getRuntime().availableProcessors());
		SpringApplication.run(SevaHubApplication.class, args);
	}

	/**
	 * On a machine of one or two cores the JVM sizes its common pool at one thread, and {@code CompletableFuture} then
	 * runs every asynchronous step on a new thread instead. The JDK's {@code HttpClient} completes each call that way,
	 * so every call to a portal, webhook or SMS gateway started and ended a thread (half of the 41,000 a load test
	 * started in eight minutes; the other half is {@code platform.OutboundHttp}'s). Two threads in the pool let the
	 * JDK reuse them. It must happen before anything touches the pool, hence here; an operator's own setting stays.
	 */
	static void atLeastTwoCommonPoolThreads(int cores) {
		if (cores <= 2 && System.getProperty(COMMON_POOL_PARALLELISM) == null) {
			System.setProperty(COMMON_POOL_PARALLELISM, "2");
		}
	}

}
