package org.sevahub.document;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The {@code document.*} texts in the language of the request being answered. */
@Component
public class DocumentMessages {

	private final MessageSource messages;

	DocumentMessages(MessageSource messages) {
		this.messages = messages;
	}

	public String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
	}

	/** What to tell the citizen about a refused file. */
	public String refusal(DocumentRefusedException refused, String documentName) {
		Object[] given = refused.arguments();
		Object[] arguments = new Object[given.length + 1];
		arguments[0] = documentName;
		System.arraycopy(given, 0, arguments, 1, given.length);
		for (int i = 1; i < arguments.length; i++) {
			if (arguments[i] instanceof Long bytes) {
				arguments[i] = size(bytes);
			}
		}
		if (refused.reason() == DocumentRefusedException.Reason.WRONG_TYPE && Boolean.TRUE.equals(given[1])) {
			return text("document.refused.program", documentName);
		}
		return text(refused.reason().messageKey(), arguments);
	}

	/** 1.2 MB, 340 KB: sizes as people read them. */
	public String size(long bytes) {
		if (bytes >= 1024 * 1024) {
			return text("document.size.mb", String.format("%.1f", bytes / (1024.0 * 1024.0)));
		}
		return text("document.size.kb", Math.max(1, Math.round(bytes / 1024.0)));
	}

	public String language() {
		return LocaleContextHolder.getLocale().getLanguage();
	}

}
