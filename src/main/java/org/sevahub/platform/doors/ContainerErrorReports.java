package org.sevahub.platform.doors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * What Tomcat answers itself, before any filter runs (an address that does not decode, {@code %2F} in a path, a
 * header over its limit): answered through the door the address names, not with Tomcat's own HTML page, which every
 * JSON and XML counterpart read as garbage. Tomcat's error report valve is replaced by {@link Reports}; it runs
 * last among the customizers so that it replaces the one Spring Boot installs.
 */
@Component
class ContainerErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final ObjectProvider<Doors> doors;

	ContainerErrorReports(ObjectProvider<Doors> doors) {
		this.doors = doors;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			Host host = (Host) context.getParent();
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.getPipeline().removeValve(valve);
				}
			}
			host.getPipeline().addValve(new Reports(doors));
			if (host instanceof StandardHost standard) {
				// So that the host, starting, finds its error report valve and adds no other.
				standard.setErrorReportValveClass(Reports.class.getName());
			}
		});
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	static final class Reports extends ErrorReportValve {

		private static final Logger log = LoggerFactory.getLogger(Reports.class);

		/** For a citizen's browser when no page can be rendered: the address did not even reach the application. */
		private static final String PAGE = """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
				<title>SevaHub</title></head><body>
				<h1 id="problem-title">This address could not be read</h1>
				<p>Please check the link, or start again from the <a href="/">home page</a>.</p>
				</body></html>
				""";

		private final ObjectProvider<Doors> doors;

		Reports(ObjectProvider<Doors> doors) {
			this.doors = doors;
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			String uri = request.getRequestURI();
			String path = uri == null || uri.isEmpty() ? "/" : uri.replaceAll(";[^/]*", "");
			try {
				Door door = doors.getObject().of(path);
				response.resetBuffer();
				if (door.paths().contains("/")) {
					// The citizen pages' door renders a template, which needs the application this request never
					// reached.
					response.setContentType("text/html;charset=UTF-8");
					response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
				}
				else {
					door.answer(request.getRequest(), response.getResponse(), status, Doors.generic(status));
				}
				response.finishResponse();
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Could not answer Tomcat's {} for {} through its door", status, path, ex);
			}
		}

	}

}
