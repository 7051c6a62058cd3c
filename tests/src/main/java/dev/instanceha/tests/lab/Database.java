package dev.instanceha.tests.lab;

/**
 * The lab's MariaDB: root (empty password) on 127.0.0.1:3306, and the {@code masakari} and
 * {@code keystone} databases with their users.
 */
public record Database(String host, int port, String rootUser, String rootPassword, String servicePassword) {
    static Database lab() {
        return new Database(Lab.HOST, Lab.MYSQL_PORT, "root", "", Lab.DB_PASSWORD);
    }

    /** SQLAlchemy URL as masakari renders it, e.g. for {@code masakari}. */
    public String sqlalchemyUrl(String db) {
        return "mysql+pymysql://" + db + ":" + servicePassword + "@" + host + ":" + port + "/" + db;
    }

    public String jdbcUrl(String db) {
        return "jdbc:mariadb://" + host + ":" + port + "/" + db;
    }

    /** Runs SQL with the mysql client as a user over TCP; tab-separated rows, no header. Fails on error. */
    public String query(String user, String password, String db, String sql) {
        return Lab.run(
                java.time.Duration.ofSeconds(30),
                "mysql",
                "--protocol=tcp",
                "-h",
                host,
                "-P",
                Integer.toString(port),
                "-u",
                user,
                "--password=" + password,
                "-N",
                "-B",
                "-e",
                sql,
                db);
    }
}
