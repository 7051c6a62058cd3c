package dev.instanceha.tests.lab;

/** The lab's RabbitMQ: 127.0.0.1:5672, vhost and user {@code masakari} (and guest/guest on /). */
public record Broker(String host, int port, String user, String password, String vhost) {
    static Broker lab() {
        return new Broker(Lab.HOST, Lab.RABBIT_PORT, Lab.RABBIT_USER, Lab.RABBIT_PASSWORD, Lab.RABBIT_VHOST);
    }

    /**
     * Opens a TCP connection, sends the AMQP 0-9-1 protocol header and returns the broker's first frame
     * header bytes (a real broker answers with a method frame: type 1, channel 0, Connection.Start).
     */
    public byte[] amqpHandshake() throws java.io.IOException {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(host, port), 3000);
            s.setSoTimeout(5000);
            s.getOutputStream().write(new byte[] {'A', 'M', 'Q', 'P', 0, 0, 9, 1});
            s.getOutputStream().flush();
            return s.getInputStream().readNBytes(11); // type, channel(2), size(4), class(2), method(2)
        }
    }

    /** oslo.messaging transport URL. */
    public String transportUrl() {
        return "rabbit://" + user + ":" + password + "@" + host + ":" + port + "/" + vhost;
    }
}
