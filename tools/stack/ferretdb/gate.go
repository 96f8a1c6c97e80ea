package main

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sort"
	"sync"

	"github.com/FerretDB/wire"
	"github.com/FerretDB/wire/wirebson"
)

// FerretDB 1.24 runs every update, findAndModify and delete as "query, change in Go, write the whole document back"
// with nothing held in between, so two writers on one document lose one of the changes (measured: 100 concurrent
// $inc on one document left 23) and a conditional update is not a compare-and-set. The gate sits in front of it and
// runs those commands one at a time per document they name by _id (equality or an $in list), and one at a time per
// collection when they select by anything else. Inserts (nothing read back) and reads pass through untouched.
var statementsOf = map[string]struct{ field, filter string }{
	"update":        {"updates", "q"},
	"delete":        {"deletes", "q"},
	"findAndModify": {"", "query"},
}

type gate struct {
	backend string
	log     *slog.Logger

	mu          sync.Mutex
	collections map[string]*sync.RWMutex
	documents   map[string]*docLock
}

type docLock struct {
	sync.Mutex
	holders int
}

func newGate(backend string, log *slog.Logger) *gate {
	return &gate{backend: backend, log: log, collections: map[string]*sync.RWMutex{}, documents: map[string]*docLock{}}
}

// lockPlan is what a write command must hold: the whole collection, or a share of it and some documents.
type lockPlan struct {
	collection string
	ids        []string // sorted, so two commands naming the same documents take them in the same order
	whole      bool
}

func (g *gate) acquire(plan lockPlan) func() {
	g.mu.Lock()
	coll, ok := g.collections[plan.collection]
	if !ok {
		coll = &sync.RWMutex{}
		g.collections[plan.collection] = coll
	}
	docs := make([]*docLock, len(plan.ids))
	if !plan.whole {
		for i, id := range plan.ids {
			key := plan.collection + "\x00" + id
			d, ok := g.documents[key]
			if !ok {
				d = &docLock{}
				g.documents[key] = d
			}
			d.holders++
			docs[i] = d
		}
	}
	g.mu.Unlock()

	if plan.whole {
		coll.Lock()
		return coll.Unlock
	}
	coll.RLock()
	for _, d := range docs {
		d.Lock()
	}
	return func() {
		for _, d := range docs {
			d.Unlock()
		}
		coll.RUnlock()
		g.mu.Lock()
		for i, d := range docs {
			if d.holders--; d.holders == 0 {
				delete(g.documents, plan.collection+"\x00"+plan.ids[i])
			}
		}
		g.mu.Unlock()
	}
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
		plan, expectsReply := classify(request)
		if plan != nil {
			release := g.acquire(*plan)
			err = exchange(request, expectsReply, backend, fromBackend, client)
			release()
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

// classify says what a write command must hold (nil for anything else) and whether a reply will come.
func classify(message []byte) (plan *lockPlan, expectsReply bool) {
	if opCode(message) != wire.OpCodeMsg {
		return nil, true
	}
	expectsReply = !opMsgFlags(message).FlagSet(wire.OpMsgMoreToCome)
	var msg wire.OpMsg
	if err := msg.UnmarshalBinaryNocopy(message[wire.MsgHeaderLen:]); err != nil {
		return nil, expectsReply
	}
	doc, err := msg.RawSection0().DecodeDeep()
	if err != nil {
		return nil, expectsReply
	}
	command := doc.Command()
	shape, ok := statementsOf[command]
	if !ok {
		return nil, expectsReply
	}
	collection, _ := doc.Get(command).(string)
	db, _ := doc.Get("$db").(string)
	plan = &lockPlan{collection: db + "." + collection}

	// the statements' filters: findAndModify has one; update and delete carry theirs in the body or, as drivers
	// send them, in a document sequence
	var filters []any
	if shape.field == "" {
		filters = append(filters, doc.Get(shape.filter))
	} else {
		if statements, ok := doc.Get(shape.field).(*wirebson.Array); ok {
			for i := 0; i < statements.Len(); i++ {
				if s, ok := statements.Get(i).(*wirebson.Document); ok {
					filters = append(filters, s.Get(shape.filter))
				} else {
					plan.whole = true
				}
			}
		}
		for _, section := range msg.Sections() {
			if section.Kind != 1 || section.Identifier != shape.field {
				continue
			}
			for _, raw := range section.Documents() {
				s, err := raw.DecodeDeep()
				if err != nil {
					plan.whole = true
					continue
				}
				filters = append(filters, s.Get(shape.filter))
			}
		}
	}

	ids := map[string]bool{}
	for _, filter := range filters {
		named, ok := idsOf(filter)
		if !ok {
			plan.whole = true
			break
		}
		for _, id := range named {
			ids[id] = true
		}
	}
	if len(filters) == 0 {
		plan.whole = true
	}
	for id := range ids {
		plan.ids = append(plan.ids, id)
	}
	sort.Strings(plan.ids)
	return plan, expectsReply
}

// idsOf names the documents a filter can touch when it selects by _id equality or by an _id $in list of plain
// values (the outbox relay's batches); anything else selects by other means.
func idsOf(filter any) ([]string, bool) {
	f, ok := filter.(*wirebson.Document)
	if !ok {
		return nil, false
	}
	switch id := f.Get("_id").(type) {
	case nil, *wirebson.Array:
		return nil, false
	case *wirebson.Document:
		in, ok := id.Get("$in").(*wirebson.Array)
		if !ok || id.Len() != 1 {
			return nil, false
		}
		named := make([]string, 0, in.Len())
		for i := 0; i < in.Len(); i++ {
			key, ok := scalarKey(in.Get(i))
			if !ok {
				return nil, false
			}
			named = append(named, key)
		}
		return named, true
	default:
		key, ok := scalarKey(id)
		return []string{key}, ok
	}
}

func scalarKey(v any) (string, bool) {
	switch v.(type) {
	case nil, *wirebson.Document, *wirebson.Array:
		return "", false
	default:
		return fmt.Sprintf("%T:%v", v, v), true
	}
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
