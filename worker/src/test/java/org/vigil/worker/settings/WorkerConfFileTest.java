package org.vigil.worker.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.worker.gearman.ServerAddress;

/** mod_gearman's worker.conf format read into WorkerSettings: its shipped example, includes, lists, booleans. */
class WorkerConfFileTest {

    @TempDir
    Path dir;

    private static WorkerSettings read(Path file, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--config", file.toString()));
        args.addAll(List.of(more));
        return WorkerCommandLine.parse(args, "thishost");
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void shippedExampleParsesToItsSettings() throws URISyntaxException {
        Path example = Path.of(getClass().getResource("/settings/mod_gearman_worker.conf").toURI());
        WorkerSettings s = read(example);
        assertThat(s.servers()).containsExactly(new ServerAddress("localhost", 4730));
        assertThat(s.dupServers()).isEmpty();
        assertThat(s.encryption()).isTrue();
        assertThat(s.key()).isEqualTo("should_be_changed");
        assertThat(s.keyFile()).isNull();
        assertThat(s.queues()).containsExactly("host", "service", "eventhandler", "notification");
        assertThat(s.identifier()).isEqualTo("thishost");
        assertThat(s.minWorker()).isEqualTo(5);
        assertThat(s.maxWorker()).isEqualTo(50);
        assertThat(s.jobTimeout()).isEqualTo(60);
        assertThat(s.otherValue("idle-timeout")).isEqualTo("30");
        assertThat(s.otherValue("max-jobs")).isEqualTo("1000");
        assertThat(s.otherValue("spawn-rate")).isEqualTo("1");
        assertThat(s.otherValue("fork_on_exec")).isEqualTo("no");
        assertThat(s.otherValue("load_limit15")).isEqualTo("0");
        assertThat(s.otherValue("show_error_output")).isEqualTo("yes");
        assertThat(s.otherValue("enable_embedded_perl")).isEqualTo("yes");
        assertThat(s.otherValue("use_embedded_perl_implicitly")).isEqualTo("no");
        assertThat(s.otherValue("p1_file")).isEqualTo("/usr/share/mod_gearman/mod_gearman_p1.pl");
        assertThat(s.otherValue("logfile")).isEqualTo("/var/log/mod_gearman/mod_gearman_worker.log");
        assertThat(s.otherValue("debug")).isEqualTo("0");
        assertThat(s.otherValue("workaround_rc_25")).isEqualTo("no");
    }

    @Test
    void repeatedKeysAddUpAndCommaListsSplit() throws IOException {
        Path f = write("worker.conf", """
                server=gm1:4730, gm2
                server = [::1]:4731
                dupserver=dup:4732
                hostgroups=name1
                hostgroup=name2, name3
                servicegroups=db
                restrict_path=/usr/lib/nagios/plugins/
                restrict_path=/opt/plugins/
                key=secret
                """);
        WorkerSettings s = read(f);
        assertThat(s.servers()).containsExactly(new ServerAddress("gm1", 4730), new ServerAddress("gm2", 4730),
                new ServerAddress("::1", 4731));
        assertThat(s.dupServers()).containsExactly(new ServerAddress("dup", 4732));
        assertThat(s.queues()).containsExactly("hostgroup_name1", "hostgroup_name2", "hostgroup_name3",
                "servicegroup_db");
        assertThat(s.other().get("restrict_path")).containsExactly("/usr/lib/nagios/plugins/", "/opt/plugins/");
    }

    @Test
    void defaultsAreModGearmans() throws IOException {
        WorkerSettings s = read(write("w.conf", "server=gm\nencryption=off\n"));
        assertThat(s.queues()).containsExactly("host", "service", "eventhandler", "notification");
        assertThat(s.encryption()).isFalse();
        assertThat(s.key()).isNull();
        assertThat(s.minWorker()).isEqualTo(1);
        assertThat(s.maxWorker()).isEqualTo(20);
        assertThat(s.jobTimeout()).isEqualTo(60);
    }

    @Test
    void booleansCommentsCaseHyphensAndBareKeys() throws IOException {
        Path f = write("w.conf", """
                # a comment line
                  SERVER=gm   # trailing comment
                --key=abc#def
                Services=ON
                hosts = FALSE
                eventhandlers
                notification=0
                min-worker=30
                max-worker=10
                """);
        WorkerSettings s = read(f);
        assertThat(s.key()).as("mod_gearman cuts a line at its first #").isEqualTo("abc");
        assertThat(s.queues()).containsExactly("service", "eventhandler");
        assertThat(s.minWorker()).as("lowered to max-worker as mod_gearman does").isEqualTo(10);
    }

    @Test
    void includesReadFilesAndDirectoriesRelativeToTheIncludingFile() throws IOException {
        write("conf.d/10-servers.cfg", "server=gm1\n");
        write("conf.d/20-groups.conf", "hostgroups=web\n");
        write("conf.d/ignored.txt", "this is not read\n");
        write("secret.cfg", "key=fromfile\n");
        Path f = write("worker.conf", "config=conf.d\ninclude=" + dir.resolve("secret.cfg") + "\nhostgroups=db\n");
        WorkerSettings s = read(f);
        assertThat(s.servers()).containsExactly(new ServerAddress("gm1", 4730));
        assertThat(s.key()).isEqualTo("fromfile");
        assertThat(s.queues()).containsExactly("hostgroup_web", "hostgroup_db");
    }

    @Test
    void keyFileGivesItsFirstLineUpTo32Characters() throws IOException {
        Path key = write("secret", "0123456789abcdef0123456789ABCDEFtoolong\nsecond line\n");
        WorkerSettings s = read(write("w.conf", "server=gm\nkeyfile=" + key + "\n"));
        assertThat(s.key()).isEqualTo("0123456789abcdef0123456789ABCDEF");
        assertThat(s.keyFile()).isEqualTo(key);

        Path shortKey = write("short", "pass word  \t\nignored\n");
        assertThat(read(write("w2.conf", "server=gm\npasswordfile=" + shortKey + "\n")).key())
                .isEqualTo("pass word");
    }

    @Test
    void keyFileWinsOverKeyAsInModGearman() throws IOException {
        Path key = write("secret", "fromkeyfile\n");
        assertThat(read(write("w.conf", "server=gm\nkeyfile=" + key + "\nkey=inline\n")).key())
                .isEqualTo("fromkeyfile");
    }
}
