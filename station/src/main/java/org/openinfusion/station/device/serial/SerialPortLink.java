package org.openinfusion.station.device.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortEvent;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import com.fazecast.jSerialComm.SerialPortMessageListener;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openinfusion.station.device.LineSettings;

/**
 * A serial port through jSerialComm. A vanished port is noticed by a failed read or by the first
 * {@code LISTENING_EVENT_PORT_DISCONNECTED} (killing socat floods these while {@code isOpen()} stays
 * true), after which every read returns -1 so the runner closes the port and reconnects.
 */
final class SerialPortLink implements ByteLink {
    private final SerialPort port;
    private final AtomicBoolean gone = new AtomicBoolean();

    private SerialPortLink(SerialPort port) {
        this.port = port;
    }

    static SerialPortLink open(String path, LineSettings line) throws IOException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("no serial port " + path, e);
        }
        port.setComPortParameters(line.baud(), line.dataBits(), stopBits(line), parity(line));
        port.setFlowControl(line.flowControl() == LineSettings.FlowControl.RTS_CTS
                ? SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED : SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                LinkOpener.READ_TIMEOUT_MILLIS, 1000);
        // Error 25 (ENOTTY) while configuring a pty is harmless: openPort still succeeds.
        if (!port.openPort()) {
            throw new IOException("cannot open " + path + " (error " + port.getLastErrorCode() + ")");
        }
        SerialPortLink link = new SerialPortLink(port);
        port.addDataListener(link.disconnectListener());
        return link;
    }

    private SerialPortMessageListener disconnectListener() {
        return new SerialPortMessageListener() {
            @Override
            public int getListeningEvents() {
                return SerialPort.LISTENING_EVENT_PORT_DISCONNECTED;
            }

            @Override
            public void serialEvent(SerialPortEvent event) {
                gone.set(true);
            }

            @Override
            public byte[] getMessageDelimiter() {
                return new byte[] {0};
            }

            @Override
            public boolean delimiterIndicatesEndOfMessage() {
                return true;
            }
        };
    }

    @Override
    public int read(byte[] buffer) {
        if (gone.get()) {
            return -1;
        }
        int n = port.readBytes(buffer, buffer.length);
        return n < 0 || gone.get() && n == 0 ? -1 : n;
    }

    @Override
    public void write(byte[] data) throws IOException {
        if (gone.get() || port.writeBytes(data, data.length) != data.length) {
            throw new IOException("write to " + port.getSystemPortPath() + " failed");
        }
    }

    @Override
    public void close() {
        port.removeDataListener();
        port.closePort();
    }

    private static int parity(LineSettings l) {
        return switch (l.parity()) {
            case NONE -> SerialPort.NO_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
        };
    }

    private static int stopBits(LineSettings l) {
        return l.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
    }
}
