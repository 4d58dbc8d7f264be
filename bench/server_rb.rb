# Ruby's minimal stdlib server with the same endpoints as bench/server.du. WEBrick left the
# standard library in Ruby 3.0, so this is a small HTTP/1.1 server on TCPServer: one thread per
# connection, keep-alive unless the client asks to close, request bodies ignored (only GETs come).
#   ruby bench/server_rb.rb 8093
require 'socket'

port = (ARGV[0] || 8093).to_i
server = TCPServer.new('127.0.0.1', port)
server.listen(8192)

def reply(client, status, body)
  client.write("HTTP/1.1 #{status}\r\nContent-Type: text/plain; charset=utf-8\r\n" \
               "Content-Length: #{body.bytesize}\r\n\r\n#{body}")
end

def serve(client)
  while (line = client.gets)
    path = line.split(' ')[1]
    close = line.include?('HTTP/1.0')
    while (header = client.gets) && header != "\r\n"
      close = true if header.downcase.start_with?('connection:') && header.downcase.include?('close')
    end
    case path
    when '/ping' then reply(client, '200 OK', 'pong')
    when '/delay'
      sleep 1
      reply(client, '200 OK', 'done')
    else reply(client, '404 Not Found', "404 page not found\n")
    end
    break if close
  end
rescue IOError, SystemCallError
  nil # the client went away mid-request; nothing to answer
ensure
  client.close
end

loop do
  client = server.accept
  Thread.new(client) { |c| serve(c) }
end
