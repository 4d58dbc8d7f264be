# String templates: render a compiled template 20,000 times with named values (twin of
# template.du). ERB is Ruby's stdlib template engine; def_method compiles it once into a method.
require 'erb'

class Card
  ERB.new('<div class="user"><%= name %> (#<%= id %>) - <%= active ? "active" : "inactive" %></div>')
     .def_method(self, 'render(name, id, active)')
end

count = 20000
card = Card.new
t0 = Process.clock_gettime(Process::CLOCK_MONOTONIC)
html = ''
(1..count).each do |i|
  html = card.render("user-#{i}", i, i.even?)
end
ms = (Process.clock_gettime(Process::CLOCK_MONOTONIC) - t0) * 1000
puts "template x#{count} in #{ms}ms: #{html}"
