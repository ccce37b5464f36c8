package org.sevahub.delivery;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where this server can be reached: {@code sevahub.public-base-url} when set (links that leave the server:
 * QR codes, portal redirects), otherwise the local address it listens on. Sandbox portals live under it
 * ({@link #sandbox(String)}), which is how every connector finds its counterpart in demo mode and in tests.
 */
@Component
public class ServerBaseUrl {

	private final String configured;

	private volatile int port = -1;

	ServerBaseUrl(@Value("${sevahub.public-base-url:}") String configured) {
		this.configured = configured == null ? "" : configured.replaceAll("/+$", "");
	}

	@EventListener
	void onStarted(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() == null) {
			this.port = event.getWebServer().getPort();
		}
	}

	/** The base URL for links handed to citizens and counterparts. */
	public String publicUrl() {
		return configured.isEmpty() ? localUrl() : configured;
	}

	/** The loopback URL of this very server, for calls it makes to itself (the sandbox). */
	public String localUrl() {
		if (port < 0) {
			throw new IllegalStateException("The web server has not started yet");
		}
		return "http://127.0.0.1:" + port;
	}

	/** The base URL of the built-in simulator of {@code portal}. */
	public String sandbox(String portal) {
		return localUrl() + "/sandbox/" + portal;
	}

	/** {@code explicit} when configured, else the sandbox: how each portal resolves its counterpart's URL. */
	public String resolve(String explicit, String portal, String path) {
		return explicit != null && !explicit.isBlank() ? explicit : sandbox(portal) + path;
	}

}
