# frozen_string_literal: true

require "jekyll"
require_relative "lib/helper"

module Jekyll
  module Tags
    class RenderTimeTag < Liquid::Tag
      VERSION = "1.0.0"
      attr_accessor :text

      def initialize(tag_name, text, tokens)
        super
        @text = text.strip
        @@instances ||= 0
        @@instances += 1
      end

      def render(context)
        site = context.registers[:site]
        "#{@text} #{Time.now} (#{site.config['title']})"
      end

      def self.count = @@instances

      private

 