package org.sevahub.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link SevaHubTest}'s application for the benchmarks, without what only tests need: the process-coverage
 * listener, which records every activity of every process instance in memory (12% of the web threads' time in a
 * flight recording of {@code BskInitiationBenchmark}), and MockMvc. What a benchmark measures is then what a node
 * runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureObservability
public @interface SevaHubBenchmark {
}
