<?php
/**
 * Plugin Name: Hello
 */
defined( 'ABSPATH' ) || exit;

add_action( 'init', function () {
	register_post_type( 'book', array(
		'public'   =