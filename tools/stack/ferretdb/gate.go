package main

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"

	"github.com/FerretDB/wire"
)

// FerretDB 1.24 runs every update, findAndModify and delete as "query, change in Go, write the whole document back"
// with nothing held in between, so two writers on one document lose one of the changes (measured: 100 concurrent
// $inc on one document left 23) and a conditional update is not a compare-and-set. The gate sits in front of it
// and lets one write command per collection run at a time; reads pass through untouched.
var writeCommands = map[string]bool{"insert": true, "update": true, "delete": true, "findAndModify": true}

type gate struct {
	backend string
	log     *slog.Logger

	mu    sync.Mutex
	locks map[string]*sync.Mutex
}

func newGate(backend string, log *slog.Logger) *gate {
	return &gate{backend: backend, log: log, locks: map[string]*sync.Mutex{}}
}

func (g *gate) lockFor(namespace string) *sync.Mutex {
	g.mu.Lock()
	defer g.mu.Unlock()
	l, ok := g.locks[namespace]
	if !ok {
		l = &sync.Mutex{}
		g.locks[namespace] = l
	}
	return l
}

func (g *gate) serve(ln net.Listener) error {
	for {
		client, err := ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return nil
			}
			return err
		}
		go g.relay(client)
	}
}

// relay carries one client connection. The wire protocol is request/response per connection, so each request is
// forwarded and its replies read back before the next request is taken.
func (g *gate) relay(client net.Conn) {
	defer client.Close()
	backend, err := net.Dial("tcp", g.backend)
	if err != nil {
		g.log.Error("gate: cannot reach ferretdb", "err", err)
		return
	}
	defer backend.Close()

	fromClient := bufio.NewReader(client)
	fromBackend := bufio.NewReader(backend)
	for {
		request, err := readMessage(fromClient)
		if err != nil {
			if !errors.Is(err, io.EOF) {
				g.log.Debug("gate: client read", "err", err)
			}
			return
		}
		namespace, expectsReply := classify(request)
		if namespace != "" {
			lock := g.lockFor(namespace)
			lock.Lock()
			err = exchange(request, expectsReply, backend, fromBackend, client)
			lock.Unlock()
		} else {
			err = exchange(request, expectsReply, backend, fromBackend, client)
		}
		if err != nil {
			g.log.Debug("gate: exchange", "err", err)
			return
		}
	}
}

// exchange sends one request and forwards every reply to it: an exhaust cursor answers with a run of messages
// flagged moreToCome, ended by one without the flag.
func exchange(request []byte, expectsReply bool, backend net.Conn, fromBackend *bufio.Reader, client net.Conn) error {
	if _, err := backend.Write(request); err != nil {
		return err
	}
	for expectsReply {
		reply, err := readMessage(fromBackend)
		if err != nil {
			return err
		}
		if _, err := client.Write(reply); err != nil {
			return err
		}
		expectsReply = opCode(reply) == wire.OpCodeMsg && opMsgFlags(reply).FlagSet(wire.OpMsgMoreToCome)
	}
	return nil
}

// classify names the collection a write command changes ("" for anything else) and says whether a reply will come.
func classify(message []byte) (namespace string, expectsReply bool) {
	if opCode(message) != wire.OpCodeMsg {
		return "", true
	}
	expectsReply = !opMsgFlags(message).FlagSet(wire.OpMsgMoreToCome)
	var msg wire.OpMsg
	if err := msg.UnmarshalBinaryNocopy(message[wire.MsgHeaderLen:]); err != nil {
		return "", expectsReply
	}
	doc, err := msg.RawSection0().Decode()
	if err != nil {
		return "", expectsReply
	}
	command := doc.Command()
	if !writeCommands[command] {
		return "", expectsReply
	}
	collection, _ := doc.Get(command).(string)
	db, _ := doc.Get("$db").(string)
	return db + "." + collection, expectsReply
}

func readMessage(r *bufio.Reader) ([]byte, error) {
	var size [4]byte
	if _, err := io.ReadFull(r, size[:]); err != nil {
		return nil, err
	}
	length := int(binary.LittleEndian.Uint32(size[:]))
	if length < wire.MsgHeaderLen || length > wire.MaxMsgLen {
		return nil, fmt.Errorf("message length %d out of range", length)
	}
	message := make([]byte, length)
	copy(message, size[:])
	if _, err := io.ReadFull(r, message[4:]); err != nil {
		return nil, err
	}
	return message, nil
}

func opCode(message []byte) wire.OpCode {
	return wire.OpCode(binary.LittleEndian.Uint32(message[12:16]))
}

func opMsgFlags(message []byte) wire.OpMsgFlags {
	if len(message) < wire.MsgHeaderLen+4 {
		return 0
	}
	return wire.OpMsgFlags(binary.LittleEndian.Uint32(message[wire.MsgHeaderLen : wire.MsgHeaderLen+4]))
}
