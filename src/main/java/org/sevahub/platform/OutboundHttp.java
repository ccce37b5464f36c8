package org.sevahub.platform;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.boot.autoconfigure.http.client.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * One pool of threads for every call SevaHub makes over HTTP (the portals' connectors, webhooks, the SMS gateway),
 * through the {@code RestClient.Builder} and request factory builder Spring Boot configures.
 * <p>
 * Without it the JDK's {@code HttpClient} has no executor of its own to name, and Spring then writes each request's
 * body on a {@code SimpleAsyncTaskExecutor}: a new thread for every call. A flight recording of the load test counted
 * 41,000 threads started in eight minutes, two per delivery (the other one is the JDK's, see
 * {@code SevaHubApplication}); on this machine a thread costs about 0.2 ms of CPU to start and end. The pool is
 * cached, not bounded: the body writer blocks until the client's own tasks, on the same executor, take the bytes, so
 * a bounded pool could fill with writers waiting for readers. The outbox's in-flight limit per portal and the web
 * threads bound it in practice, and idle threads end after a minute. Nor is it shut down with the context: the
 * outbox lets its calls in flight finish when the node stops, and nothing orders its stop before this bean's; the
 * threads are daemons and end a minute after their last call. It is not a bean of its own: an {@code Executor} bean
 * would take the place of Spring Boot's task executor.
 */
@Component
class OutboundHttp implements ClientHttpRequestFactoryBuilderCustomizer<JdkClientHttpRequestFactoryBuilder> {

	private final ExecutorService threads = Executors.newCachedThreadPool(daemons());

	@Override
	public JdkClientHttpRequestFactoryBuilder customize(JdkClientHttpRequestFactoryBuilder builder) {
		return builder.withHttpClientCustomizer(client -> client.executor(threads));
	}

	private static CustomizableThreadFactory daemons() {
		CustomizableThreadFactory factory = new CustomizableThreadFactory("outbound-http-");
		factory.setDaemon(true);
		return factory;
	}

}
