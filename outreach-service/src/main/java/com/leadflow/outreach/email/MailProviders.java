package com.leadflow.outreach.email;

/**
 * Names the mail and activation providers (Angus, the ones on the classpath) in the system
 * properties Jakarta Mail and Jakarta Activation read first. Without them every MIME body part,
 * header block and file-type map looks its provider up with a {@link java.util.ServiceLoader}, which
 * in a packaged service searches the nested jars each time: a third of outreach's CPU at 60 leads/s
 * (four emails a lead, each parsed again by the local mail server). A name already set is kept.
 */
public final class MailProviders {

    private MailProviders() {
    }

    public static void named() {
        name("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        name("jakarta.activation.spi.MimeTypeRegistryProvider", "org.eclipse.angus.activation.MimeTypeRegistryProviderImpl");
        name("jakarta.activation.spi.MailcapRegistryProvider", "org.eclipse.angus.activation.MailcapRegistryProviderImpl");
    }

    private static void name(String service, String provider) {
        if (System.getProperty(service) != null) {
            return;
        }
        try {
            Class.forName(provider, false, MailProviders.class.getClassLoader());
        } catch (ClassNotFoundException absent) {
            // another implementation is installed: let the service loader find it
            return;
        }
        System.setProperty(service, provider);
    }
}
