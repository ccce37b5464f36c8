package org.sevahub.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** A real SMTP server (GreenMail) on a free port for the notification tests; Spring Mail is pointed at it. */
@TestConfiguration(proxyBeanMethods = false)
public class TestMailServer {

	@Bean(destroyMethod = "stop")
	GreenMail greenMail() {
		GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		server.start();
		return server;
	}

	@Bean
	DynamicPropertyRegistrar smtpPort(GreenMail greenMail) {
		return registry -> registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
	}

}
