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
        @t