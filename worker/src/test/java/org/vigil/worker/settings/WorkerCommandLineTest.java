package org.vigil.worker.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.worker.gearman.ServerAddress;

/** vigil worker's options alone and over a worker.conf. */
class WorkerCommandLineTest {

    @TempDir
    Path dir;

    private static WorkerSettings parse(String... args) {
        return WorkerCommandLine.parse(List.of(args), "thishost");
    }

    @Test
    void theIssuesCommandLine() throws IOException {
        Path key = dir.resolve("key");
        Files.writeString(key, "sharedsecret\n");
        WorkerSettings s = parse("--server", "gm1:4730", "--key-file", key.toString(), "--hostgroups", "a,b",
                "--services");
        assertThat(s.servers()).containsExactly(new ServerAddress("gm1", 4730));
        assertThat(s.key()).isEqualTo("sharedsecret");
        assertThat(s.encryption()).isTrue();
        assertThat(s.queues()).containsExactly("service", "hostgroup_a", "hostgroup_b");
        assertThat(s.identifier()).isEqualTo("thishost");
    }

    @Test
    void equalsFormAndBooleanWords() {
        WorkerSettings s = parse("--server=gm", "--encryption", "no", "--hosts", "--eventhandler=yes",
                "--identifier=w1", "--job-timeout", "90", "--min-worker=2", "--max-worker", "4", "--idle-timeout=5");
        assertThat(s.encryption()).isFalse();
        assertThat(s.queues()).containsExactly("host", "eventhandler");
        assertThat(s.identifier()).isEqualTo("w1");
        assertThat(s.jobTimeout()).isEqualTo(90);
        assertThat(s.minWorker()).isEqualTo(2);
        assertThat(s.maxWorker()).isEqualTo(4);
        assertThat(s.otherValue("idle-timeout")).isEqualTo("5");
    }

    @Test
    void commandLineOverridesTheFileWhateverTheOrder() throws IOException {
        Path f = dir.resolve("worker.conf");
        Files.writeString(f, """
                server=filegm:4730
                key=filekey
                hosts=yes
                services=yes
                hostgroups=fromfile
                max-worker=50
                identifier=fileid
                """);
        WorkerSettings s = parse("--server", "cli:4731", "--key", "clikey", "--config", f.toString(),
                "--servicegroups", "db", "--max-worker", "8");
        assertThat(s.servers()).containsExactly(new ServerAddress("cli", 4731));
        assertThat(s.key()).isEqualTo("clikey");
        assertThat(s.queues()).as("a command line naming queues replaces the file's").containsExactly(
                "servicegroup_db");
        assertThat(s.maxWorker()).isEqualTo(8);
        assertThat(s.identifier()).isEqualTo("fileid");

        WorkerSettings fileQueues = parse("--config", f.toString(), "--identifier", "cliid");
        assertThat(fileQueues.servers()).containsExactly(new ServerAddress("filegm", 4730));
        assertThat(fileQueues.queues()).containsExactly("host", "service", "hostgroup_fromfile");
        assertThat(fileQueues.identifier()).isEqualTo("cliid");
    }

    @Test
    void keyFileOnTheCommandLineWinsOverTheFilesKey() throws IOException {
        Path key = dir.resolve("key");
        Files.writeString(key, "clisecret");
        Path f = dir.resolve("worker.conf");
        Files.writeString(f, "server=gm\nkey=filekey\n");
        assertThat(parse("--config", f.toString(), "--key-file", key.toString()).key()).isEqualTo("clisecret");
    }

    @Test
    void keyOnTheCommandLineWinsOverTheFilesKeyFile() throws IOException {
        Path key = dir.resolve("key");
        Files.writeString(key, "filesecret");
        Path f = dir.resolve("worker.conf");
        Files.writeString(f, "server=gm\nkeyfile=" + key + "\n");
        WorkerSettings s = parse("--config", f.toString(), "--key", "clikey");
        assertThat(s.key()).isEqualTo("clikey");
        assertThat(s.keyFile()).isNull();
    }

    @Test
    void theKeyIsNeverPrinted() {
        WorkerSettings s = parse("--server", "gm", "--key", "topsecret");
        assertThat(s.toString()).doesNotContain("topsecret").contains("key=(set)", "servers=[gm:4730]");
        assertThat(s.other()).doesNotContainKey("key");
    }
}
